using System;
using System.Collections.Generic;
using System.Linq;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;
using Microsoft.CodeAnalysis;

namespace HvLint.Analyzers
{
    /// <summary>
    /// Turns the Hyper-V cmdlets a piece of code runs into partial VM models, one per VM, with the cmdlets'
    /// own defaults (hyperv-facts.md §6f): New-VM is Generation 1 unless told otherwise and always adds one
    /// network adapter, legacy when a Generation 1 VM boots from the network; Add-VMNetworkAdapter adds a
    /// synthetic adapter unless -IsLegacy. Whatever the code does not say stays unknown.
    /// </summary>
    internal sealed class ProvisioningModel
    {
        private readonly string _path;
        private readonly Dictionary<string, VirtualMachine> _byName = new Dictionary<string, VirtualMachine>(StringComparer.OrdinalIgnoreCase);
        private VirtualMachine? _current;

        public ProvisioningModel(string path) => _path = path;

        public List<VirtualMachine> VirtualMachines { get; } = new List<VirtualMachine>();

        /// <summary>Set-VMFirmware -SecureBootTemplate or -SecureBootTemplateId somewhere in the code: evidence of 2016 or later.</summary>
        public bool NamesSecureBootTemplate { get; private set; }

        /// <summary>The code location behind each fact's position, to report findings where the code says it.</summary>
        public LocationMap<Location> Locations { get; } = new LocationMap<Location>();

        /// <summary>
        /// The model's VMs through the engine, each with what the build's VM files say of it by name, and on the host the
        /// code creates switches on where it does. Without a configured profile, the code's evidence chooses one: a
        /// Secure Boot template needs 2016 at least (HV4006), a Generation 2 VM 2012 R2, a VHDX disk 2012 (VHDX arrived
        /// with 2012, hyperv-facts.md §1.1), so only a configured profile can make a VHDX the code creates HV2003.
        /// </summary>
        /// <param name="counter">Told each VM audited (the CLI's count of VMs in code); null to count none.</param>
        public IReadOnlyList<Finding> Audit(HyperVProfile? configured, VmFileFacts files, IVirtualMachineCounter? counter = null)
        {
            foreach (VirtualMachine vm in VirtualMachines) files.Describe(vm);
            HyperVProfile profile = configured
                ?? (NamesSecureBootTemplate ? ProfileCatalog.Get(HyperVVersion.V2016)
                : VirtualMachines.Exists(v => v.Generation.Is(g => g == 2)) ? ProfileCatalog.Get(HyperVVersion.V2012R2)
                : VirtualMachines.Exists(v => v.Drives.Items.Any(d => d.Format.Is(f => f == VirtualHardDiskFormat.Vhdx))) ? ProfileCatalog.Get(HyperVVersion.V2012)
                : ProfileCatalog.Default);
            var session = new AuditSession(profile);
            foreach (VirtualMachine vm in VirtualMachines)
            {
                if (HostOf(vm) is Host host) session.AuditVirtualMachine(vm, host);
                else session.AuditVirtualMachine(vm);
                if (counter != null && vm.Name.IsKnown) counter.Audited(vm.Name.Value);
            }

            return session.Complete();
        }

        private static readonly string[] BiosDefaultOrder = { "CD", "IDE", "LegacyNetworkAdapter", "Floppy" };

        /// <summary>
        /// A cmdlet the model reads: what it does to the model, and what it may set on a VM, which becomes unknown where
        /// the code does not say what the cmdlet sets (its parameters splatted) or on which VM (a name known only at run
        /// time). Both are one entry, so that a cmdlet cannot be read without saying what it may set.
        /// </summary>
        private sealed class Cmdlet
        {
            public Cmdlet(Action<ProvisioningModel, CommandCall> apply, Action<VirtualMachine> mayChange, bool vmFirst = true)
            {
                Apply = apply;
                MayChange = mayChange;
                VmFirst = vmFirst;
            }

            /// <summary>What the command does to the model.</summary>
            public Action<ProvisioningModel, CommandCall> Apply { get; }

            /// <summary>Makes unknown on a VM what the cmdlet may set there.</summary>
            public Action<VirtualMachine> MayChange { get; }

            /// <summary>
            /// Whether its first positional argument is the VM, so that a list there names several (Set-VMProcessor web01,
            /// web02): not for the cmdlets that create something, nor for *-VMIntegrationService, whose first is the service.
            /// </summary>
            public bool VmFirst { get; }
        }

        // The cmdlets read here, by their name as written in any case (PowerShell's command names are not case-sensitive).
        private static readonly Dictionary<string, Cmdlet> Cmdlets = new Dictionary<string, Cmdlet>(StringComparer.OrdinalIgnoreCase)
        {
            ["New-VM"] = new Cmdlet((m, c) => { m.NewVm(c); m.Bind(c); }, ChangesNoVm, vmFirst: false),
            ["Get-VM"] = new Cmdlet((m, c) => m.GetVM(c), ChangesNoVm),
            ["Set-VM"] = new Cmdlet((m, c) => m.SetVM(c), vm => { ForgetProcessor(vm); ForgetMemory(vm); vm.CheckpointType = Fact<CheckpointType>.Unknown; }),
            ["Set-VMProcessor"] = new Cmdlet((m, c) => m.SetVMProcessor(c), ForgetProcessor),
            ["Set-VMMemory"] = new Cmdlet((m, c) => m.SetVMMemory(c), ForgetMemory),
            ["Set-VMComPort"] = new Cmdlet((m, c) => m.SetVMComPort(c), ForgetComPorts),
            ["Set-VMFloppyDiskDrive"] = new Cmdlet((m, c) => m.SetVMFloppyDiskDrive(c), vm => vm.FloppyDisk = Fact<string?>.Unknown),
            ["Add-VMNetworkAdapter"] = new Cmdlet((m, c) => m.AddVMNetworkAdapter(c), vm => vm.NetworkAdapters.MarkUnknown()),
            ["Remove-VMNetworkAdapter"] = new Cmdlet((m, c) => m.RemoveVMNetworkAdapter(c), ForgetAdapters),
            ["Set-VMNetworkAdapter"] = new Cmdlet((m, c) => m.SetVMNetworkAdapter(c), ForgetAdapterSettings),
            ["Set-VMNetworkAdapterVlan"] = new Cmdlet((m, c) => m.Vlan(c), ForgetAdapterSettings),
            ["Connect-VMNetworkAdapter"] = new Cmdlet((m, c) => m.Connect(c, connect: true), ForgetAdapterSettings),
            ["Disconnect-VMNetworkAdapter"] = new Cmdlet((m, c) => m.Connect(c, connect: false), ForgetAdapterSettings),
            ["New-VMSwitch"] = new Cmdlet((m, c) => m.NewVmSwitch(c), ChangesNoVm, vmFirst: false),
            ["New-VHD"] = new Cmdlet((m, c) => m.NewVHD(c), ChangesNoVm, vmFirst: false),
            ["Add-VMHardDiskDrive"] = new Cmdlet((m, c) => m.AddVMHardDiskDrive(c), vm => vm.Drives.MarkUnknown()),
            ["Add-VMDvdDrive"] = new Cmdlet((m, c) => m.AddVMDvdDrive(c), vm => vm.Drives.MarkUnknown()),
            ["Remove-VMHardDiskDrive"] = new Cmdlet((m, c) => m.RemoveVMHardDiskDrive(c), vm => ForgetDrives(vm, d => d.IsHardDisk)),
            ["Remove-VMDvdDrive"] = new Cmdlet((m, c) => m.RemoveVMDvdDrive(c), vm => ForgetDrives(vm, d => d.Kind.Is(k => k == DriveKind.DvdDrive))),
            ["Set-VMHardDiskDrive"] = new Cmdlet((m, c) => m.MoveDrive(c, dvd: false), ForgetDriveSlots),
            ["Set-VMDvdDrive"] = new Cmdlet((m, c) => m.MoveDrive(c, dvd: true), ForgetDriveSlots),
            ["Set-VMBios"] = new Cmdlet((m, c) => m.SetVMBios(c), ForgetBootOrder),
            ["Set-VMFirmware"] = new Cmdlet((m, c) => m.SetVMFirmware(c), ForgetFirmware),
            ["Disable-VMIntegrationService"] = new Cmdlet((m, c) => m.IntegrationServices(c, enable: false), ForgetIntegrationServices, vmFirst: false),
            ["Enable-VMIntegrationService"] = new Cmdlet((m, c) => m.IntegrationServices(c, enable: true), ForgetIntegrationServices, vmFirst: false),
            ["Checkpoint-VM"] = new Cmdlet((m, c) => m.CheckpointVM(c), vm => vm.CheckpointCount = Fact<int>.Unknown),
        };

        // VMs whose generation New-VM decided (by -Generation or its default of 1), as opposed to one read from the
        // firmware cmdlet the code calls: only the former can contradict that cmdlet.
        private readonly HashSet<VirtualMachine> _generationFromNewVm = new HashSet<VirtualMachine>();

        // Script variables that hold a VM: $vm = New-VM -Name web01 or $vm = Get-VM web01 (PowerShell's variable names
        // are not case-sensitive).
        private readonly Dictionary<string, VirtualMachine> _variables = new Dictionary<string, VirtualMachine>(StringComparer.OrdinalIgnoreCase);

        // Script variables that hold several VMs: $vms = Get-VM web01, web02. Piped on ($vms | Set-VMProcessor ...), the
        // command is about each of them.
        private readonly Dictionary<string, List<VirtualMachine>> _severalHeld = new Dictionary<string, List<VirtualMachine>>(StringComparer.OrdinalIgnoreCase);

        private void Bind(CommandCall c)
        {
            if (c.AssignedTo != null && _current != null) _variables[c.AssignedTo] = _current;
        }

        /// <summary>
        /// The VM a value names by a variable that holds one, which becomes the VM later commands are about, as
        /// <see cref="Target"/> makes it; null for any other value the code does not fix.
        /// </summary>
        private VirtualMachine? Held(CodeValue value)
        {
            if (value.Variable == null) return null;
            if (_oneOfSeveral is (string variable, VirtualMachine one) && string.Equals(variable, value.Variable, StringComparison.OrdinalIgnoreCase)) return _current = one;
            return _variables.TryGetValue(value.Variable, out VirtualMachine? held) ? _current = held : null;
        }

        // While a command given a variable that holds several VMs (-VM $pool) is read once for each: the variable and the
        // VM it stands for in this reading.
        private (string Variable, VirtualMachine Vm)? _oneOfSeveral;

        // Virtual disks New-VHD creates here, by path: a drive that attaches one has its size and type.
        private readonly Dictionary<string, (Fact<long> Size, Fact<VirtualHardDiskType> Type)> _newDisks =
            new Dictionary<string, (Fact<long>, Fact<VirtualHardDiskType>)>(StringComparer.OrdinalIgnoreCase);

        /// <summary>A drive attaching a disk New-VHD created here gets the size and type it was created with.</summary>
        private void SizeFromNewVhd(Drive d)
        {
            if (!d.Path.IsKnown || d.Path.Value == null || !_newDisks.TryGetValue(d.Path.Value.Trim(), out var disk)) return;
            d.SizeBytes = disk.Size;
            d.VhdType = disk.Type;
        }

        // VMs New-VM creates here: they start with no checkpoints, so Checkpoint-VM calls count them exactly.
        private readonly HashSet<VirtualMachine> _created = new HashSet<VirtualMachine>();

        // The hosts the code creates virtual switches on, by the -ComputerName of New-VMSwitch ("" for the local host), and
        // the host each VM is on, by the -ComputerName of the command that introduced it. A host's other switches are
        // unknown, so its switch list never counts as complete (HV3006 does not read it; HV7001 reads these switches).
        private readonly Dictionary<string, Host> _hosts = new Dictionary<string, Host>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<VirtualMachine, string> _hostOf = new Dictionary<VirtualMachine, string>();

        /// <summary>The host the code creates switches on that <paramref name="vm"/> is on; null when it creates none there.</summary>
        public Host? HostOf(VirtualMachine vm) => _hostOf.TryGetValue(vm, out string? key) && _hosts.TryGetValue(key, out Host? host) ? host : null;

        /// <summary>Misuses of the cmdlets themselves (HV8004, HV8005), which no model fact holds.</summary>
        public List<ApiProblem> ApiProblems { get; } = new List<ApiProblem>();

        /// <summary>
        /// A misuse, once: a command a loop replays for the same VM (the same rule, place and message) is one finding,
        /// as it is one line to change; for VMs the loop names apart, each is its own.
        /// </summary>
        private void Problem(ApiProblem problem)
        {
            foreach (ApiProblem known in ApiProblems)
            {
                if (known.RuleId == problem.RuleId && known.At.Equals(problem.At) && known.Message == problem.Message) return;
            }

            ApiProblems.Add(problem);
        }

        // The VMs a pipeline carries when there are several (Get-VM web01, web02 | Set-VMProcessor -Count 8): each command
        // piped on from it is about each of them in turn.
        private List<VirtualMachine>? _carried;

        public void Apply(CommandCall c)
        {
            if (!c.Piped || _carried == null)
            {
                _carried = null;
                ApplyOne(c);
                return;
            }

            List<VirtualMachine> carried = _carried;
            _carried = null;
            foreach (VirtualMachine vm in carried)
            {
                _current = vm;
                ApplyOne(c);
            }

            // A cmdlet read here passes them on to the next command of the pipeline, as one VM is passed on; any other
            // command (Where-Object, Sort-Object) may pass on some of them, or something else.
            _current = null;
            _carried = Cmdlets.ContainsKey(c.Name) ? carried : null;
        }

        private void ApplyOne(CommandCall c)
        {
            _owner = null;
            // $vm = <command>: the variable holds what this command returns, bound below only for New-VM and Get-VM.
            if (c.AssignedTo != null)
            {
                _variables.Remove(c.AssignedTo);
                _severalHeld.Remove(c.AssignedTo);
            }

            if (c.Name.Length > 1 && c.Name[0] == '$')
            {
                // $vm | Set-VMProcessor ...: a pipeline that starts with a variable carries what it holds.
                _current = !c.Piped && _variables.TryGetValue(c.Name.Substring(1), out VirtualMachine? held) ? held : null;
                if (!c.Piped && _severalHeld.TryGetValue(c.Name.Substring(1), out List<VirtualMachine>? heldVms)) _carried = heldVms;
                Bind(c);
                return;
            }

            if (!Cmdlets.TryGetValue(c.Name, out Cmdlet? cmdlet))
            {
                // A command HvLint does not model passes on no VM it knows: what follows in its pipeline, or without a
                // VM name, is about a VM that is not the last one created (Import-VM x | Set-VMProcessor -Count 8).
                _current = null;
                return;
            }

            // -ManagementOS (Add-VMNetworkAdapter, Set-VMNetworkAdapter, Set-VMNetworkAdapterVlan) is about the host's
            // own adapters, not a VM's.
            if (c.Get("ManagementOS") != null) return;

            if (c.Splatted)
            {
                // New-VM @settings, Add-VMNetworkAdapter -VMName x @more: the splatted parameters may set anything, so the
                // command sets nothing HvLint could know; New-VM still creates the VM its written -Name names.
                if (string.Equals(c.Name, "New-VM", StringComparison.OrdinalIgnoreCase))
                {
                    _current = c.Get("Name", "VMName") is CodeValue written && written.AsString is string name ? Introduce(name, written, c) : null;
                    Bind(c);
                    return;
                }

                // And what the command may set is no longer known: on the VM it names outside the splat, or on every VM
                // when the splat may name it (Add-VMNetworkAdapter @legacy may add the legacy adapter a PXE boot needs).
                bool names = c.Get("VMName") != null || c.Get("VM") != null || c.Positional.Count > 0 || c.Piped || (NameIsVm(c) && c.Get("Name") != null);
                if (!names) ForgetOnEveryVm(cmdlet);
                else if (About(c) is VirtualMachine named) cmdlet.MayChange(named);
                _current = null;
                return;
            }

            // -WhatIf only says what the command would do; it changes nothing unless written -WhatIf:$false.
            if (c.Get("WhatIf") is CodeValue whatIf && !(whatIf.TryBool(out bool dryRun) && !dryRun))
            {
                _current = null; // nor does it pass a VM down its pipeline
                return;
            }

            // -VMName web01, web02 (or -Name on the cmdlets where it is the VM): the command is about each VM in turn.
            // So is a list in the VM's place (Get-VM web01, web02), where the VM comes first.
            string vmParameter = c.Get("VMName") == null && NameIsVm(c) ? "Name" : "VMName";
            CodeValue? vmNames = c.Get(vmParameter) ?? (cmdlet.VmFirst && c.Get("VM") == null && c.Positional.Count > 0 ? c.Positional[0] : null);
            if (!string.Equals(c.Name, "New-VM", StringComparison.OrdinalIgnoreCase) && vmNames?.AsList is { Count: > 1 } several)
            {
                bool named = c.Get(vmParameter) != null;
                var each = new List<VirtualMachine>(several.Count);
                foreach (string one in several)
                {
                    _current = null;
                    var single = new CodeValue(one, true, vmNames.Location);
                    ApplyOne(named ? c.With(vmParameter, single) : c.WithPositional(0, single));
                    if (_current != null && !each.Contains(_current)) each.Add(_current);
                }

                // Get-VM passes them all down its pipeline, or into the variable it is assigned to; none of them is the
                // one a later command without a VM name means.
                _current = null;
                _carried = string.Equals(c.Name, "Get-VM", StringComparison.OrdinalIgnoreCase) && !c.Piped && each.Count > 1 ? each : null;
                if (c.AssignedTo != null)
                {
                    // Each run above bound the variable to one VM in turn; it holds them all.
                    _variables.Remove(c.AssignedTo);
                    if (_carried != null) _severalHeld[c.AssignedTo] = _carried;
                    _carried = null;
                }

                return;
            }

            // -VM $pool, or $pool in the VM's place, where $pool = Get-VM web01, web02: the command is about each of them.
            CodeValue? vmObjects = c.Get("VM") ?? (cmdlet.VmFirst && c.Get(vmParameter) == null && c.Positional.Count > 0 ? c.Positional[0] : null);
            if (_oneOfSeveral == null && vmObjects?.Variable is string pool && _severalHeld.TryGetValue(pool, out List<VirtualMachine>? pooled))
            {
                foreach (VirtualMachine vm in pooled)
                {
                    _oneOfSeveral = (pool, vm);
                    ApplyOne(c);
                }

                _oneOfSeveral = null;
                _current = null;
                return;
            }

            cmdlet.Apply(this, c);
        }

        /// <summary>
        /// Get-VM [-Name] vm | Set-VMProcessor ...: the pipeline carries the VM Get-VM names; Get-VM alone carries every VM
        /// on the host, none of which HvLint knows.
        /// </summary>
        private void GetVM(CommandCall c)
        {
            _current = c.Piped || (c.Get("Name", "VMName") == null && c.Positional.Count == 0) ? null : Target(c);
            Bind(c);
        }

        private void SetVM(CommandCall c)
        {
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            SetLong(c.Get("ProcessorCount"), f => vm.ProcessorCount = f);
            SetLong(c.Get("MemoryStartupBytes"), f => vm.MemoryStartupBytes = f);

            // -CheckpointType takes a CheckpointType name (Disabled, Production, ProductionOnly, Standard) or its number.
            CodeValue? checkpointType = c.Get("CheckpointType");
            if (checkpointType != null)
            {
                CheckpointType? type = (checkpointType.AsString is string name ? HvLint.Readers.EnumNames.CheckpointType(name.Trim()) : null)
                    ?? (checkpointType.TryLong(out long n) ? HvLint.Readers.EnumNames.CheckpointTypeNumber(n) : null);
                vm.CheckpointType = type.HasValue ? Fact.Known(type.Value, At(checkpointType.Location)) : Fact<CheckpointType>.Unknown;
            }
        }

        /// <summary>Set-VMProcessor [-VMName] vm: -Count and -ExposeVirtualizationExtensions.</summary>
        private void SetVMProcessor(CommandCall c)
        {
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            SetLong(c.Get("Count"), f => vm.ProcessorCount = f);
            SetBool(c.Get("ExposeVirtualizationExtensions"), f => vm.ExposeVirtualizationExtensions = f);
        }

        /// <summary>Set-VMMemory [-VMName] vm: -StartupBytes, -MinimumBytes, -MaximumBytes and -DynamicMemoryEnabled.</summary>
        private void SetVMMemory(CommandCall c)
        {
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            SetLong(c.Get("StartupBytes"), f => vm.MemoryStartupBytes = f);
            SetLong(c.Get("MinimumBytes"), f => vm.MemoryMinimumBytes = f);
            SetLong(c.Get("MaximumBytes"), f => vm.MemoryMaximumBytes = f);
            SetBool(c.Get("DynamicMemoryEnabled"), f => vm.DynamicMemoryEnabled = f);
        }

        /// <summary>Set-VMComPort [-VMName] vm [-Number] n [[-Path] pipe]: COM n connected to the pipe, or to none when the path is empty.</summary>
        private void SetVMComPort(CommandCall c)
        {
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            // Positional values fill -VMName, -Number and -Path in turn.
            CodeValue? number = c.GetOrPositional("Number", "VMName", "Number", "Path");
            CodeValue? path = c.GetOrPositional("Path", "VMName", "Number", "Path");
            if (number == null || !number.TryLong(out long n) || (n != 1 && n != 2))
            {
                ForgetComPorts(vm);
                return;
            }

            // Without -Path the port keeps its pipe (-DebuggerMode alone, say).
            if (path == null) return;
            vm.ComPort((int)n).Path = path.AsString is string pipe ? Fact.Known<string?>(pipe, At(path.Location)) : Fact<string?>.Unknown;
        }

        /// <summary>Set-VMFloppyDiskDrive [-VMName] vm [[-Path] vfd]: the VM's floppy drive holds that disk, or none.</summary>
        private void SetVMFloppyDiskDrive(CommandCall c)
        {
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            // Whatever the path, even none (-Path $null), the command configures a floppy drive, which only Generation 1 has.
            CodeValue? path = c.GetOrPositional("Path", "VMName", "Path");
            string? disk = path?.AsString is string p && p.Length > 0 ? p : null;
            vm.FloppyDisk = Fact.Known(disk, At(path?.Location ?? c.Location));
        }

        /// <summary>Add-VMNetworkAdapter [-VMName] vm: a synthetic adapter unless -IsLegacy, with its -Name, -SwitchName and MAC address.</summary>
        private void AddVMNetworkAdapter(CommandCall c)
        {
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            var a = new NetworkAdapter { Location = At(c.Location) };
            CodeValue? legacy = c.Get("IsLegacy");
            if (legacy == null) a.IsLegacy = Fact.Known(false, At(c.Location));
            else if (legacy.TryBool(out bool isLegacy)) a.IsLegacy = Fact.Known(isLegacy, At(legacy.Location));
            CodeValue? name = c.Get("Name");
            if (name?.AsString is string n) a.Name = Fact.Known(n, At(name.Location));
            CodeValue? sw = c.Get("SwitchName");
            if (sw?.AsString is string s) a.SwitchName = Fact.Known<string?>(s, At(sw.Location));
            MacAddress(c, a);
            vm.NetworkAdapters.Add(a);
        }

        /// <summary>Set-VMNetworkAdapter [-VMName] vm [-Name adapter]: MAC address and spoofing of the named adapter, or of all of the VM's.</summary>
        private void SetVMNetworkAdapter(CommandCall c)
        {
            // Set-VMNetworkAdapter [-VMName] <vm> [-Name <adapter>]: the named adapter, or all of the VM's.
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            if (c.Get("Name") == null && c.Positional.Count > 1) return; // a second bare argument may name the adapter: do not guess
            List<NetworkAdapter>? adapters = Adapters(vm, c.Get("Name"));
            if (adapters == null) return;
            CodeValue? spoofing = c.Get("MacAddressSpoofing");
            bool? on = string.Equals(spoofing?.AsString, "On", StringComparison.OrdinalIgnoreCase) ? true
                : string.Equals(spoofing?.AsString, "Off", StringComparison.OrdinalIgnoreCase) ? false : (bool?)null;
            foreach (NetworkAdapter a in adapters)
            {
                if (on != null) a.MacAddressSpoofing = Fact.Known(on.Value, At(spoofing!.Location));
                MacAddress(c, a);
            }
        }

        /// <summary>Add-VMDvdDrive [-VMName] vm: a DVD drive on the VM's controller type, in the slot the code gives.</summary>
        private void AddVMDvdDrive(CommandCall c)
        {
            // Add-VMDvdDrive -VMName <vm> -ControllerNumber n -ControllerLocation m: on the VM's controller type
            // (IDE on Generation 1, SCSI on Generation 2); without them, in a free slot the code does not say.
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            var d = new Drive { Location = At(c.Location), Kind = Fact.Known(DriveKind.DvdDrive, At(c.Location)) };
            if (vm.Generation.IsKnown && ControllerFor(vm.Generation.Value) is ControllerType type) d.ControllerType = Fact.Known(type, At(c.Location));
            SetSlot(c, d);
            vm.Drives.Add(d);
        }

        /// <summary>Remove-VMDvdDrive [-VMName] vm: the DVD drive in the slot the code gives, or every one.</summary>
        private void RemoveVMDvdDrive(CommandCall c)
        {
            // Remove-VMDvdDrive -VMName <vm> -ControllerNumber n -ControllerLocation m: the DVD drive in that slot;
            // when the code does not say which, every DVD drive the model has for the VM, so none is left to collide.
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            long number = -1, location = -1;
            CodeValue? n = c.Get("ControllerNumber"), l = c.Get("ControllerLocation");
            bool slot = n != null && l != null && n.TryLong(out number) && l.TryLong(out location);
            vm.Drives.RemoveAll(d => d.Kind.Is(k => k == DriveKind.DvdDrive)
                && (!slot || (d.ControllerNumber.Is(x => x == number) && d.ControllerLocation.Is(x => x == location))));
        }

        /// <summary>New-VHD [-Path] path [-SizeBytes] size: remembered for the drives that attach the path.</summary>
        private void NewVHD(CommandCall c)
        {
            // New-VHD [-Path] <path> [-SizeBytes] <size>: not a VM's yet; a drive that attaches the path has its size and type.
            _current = null;
            CodeValue? path = c.GetOrPositional("Path", "Path", "SizeBytes");
            CodeValue? size = c.GetOrPositional("SizeBytes", "Path", "SizeBytes");
            if (!(path?.AsString is string p)) return;
            Fact<long> sized = size != null && size.TryLong(out long bytes) ? Fact.Known(bytes, At(size.Location)) : Fact<long>.Unknown;
            _newDisks[p.Trim()] = (sized, NewVhdType(c));
        }

        /// <summary>
        /// The type New-VHD gives a disk: differencing with -ParentPath (or -Differencing), fixed with -Fixed, and
        /// otherwise dynamically expanding, its default parameter set; unknown where a switch's value is not fixed.
        /// </summary>
        private Fact<VirtualHardDiskType> NewVhdType(CommandCall c)
        {
            CodeValue? parent = c.Get("ParentPath"), differencing = c.Get("Differencing"), fixedSize = c.Get("Fixed");
            if (parent != null) return Fact.Known(VirtualHardDiskType.Differencing, At(parent.Location));
            // Positionally the value after the path is -SizeBytes, or -ParentPath in the differencing set: a path is not a size.
            if (c.Get("SizeBytes") == null && c.GetOrPositional("SizeBytes", "Path", "SizeBytes") is CodeValue second && second.AsString != null && !second.TryLong(out _))
            {
                return Fact.Known(VirtualHardDiskType.Differencing, At(second.Location));
            }

            // A switch is on when bare (-Fixed) or given $true, off when absent or given $false, unknown otherwise.
            static bool? On(CodeValue? v) => v == null ? false : v.TryBool(out bool b) ? b : (bool?)null;
            bool? isDifferencing = On(differencing), isFixed = On(fixedSize);
            if (isDifferencing == null || isFixed == null) return Fact<VirtualHardDiskType>.Unknown;
            if (isDifferencing.Value) return Fact.Known(VirtualHardDiskType.Differencing, At(differencing!.Location));
            if (isFixed.Value) return Fact.Known(VirtualHardDiskType.Fixed, At(fixedSize!.Location));
            return Fact.Known(VirtualHardDiskType.Dynamic, At(c.Get("Dynamic")?.Location ?? c.Location));
        }

        /// <summary>Remove-VMNetworkAdapter [-VMName] vm [-Name adapter]: the named adapter, or all of the VM's.</summary>
        private void RemoveVMNetworkAdapter(CommandCall c)
        {
            // Remove-VMNetworkAdapter [-VMName] <vm> [-Name <adapter>]: the named adapter, or all of the VM's (a PXE
            // deployment removes the legacy adapter it installed through). Without the adapter list known, removing
            // all leaves a known empty list.
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            CodeValue? adapterName = c.Get("Name", "VMNetworkAdapterName");
            List<NetworkAdapter>? adapters = Adapters(vm, adapterName);
            if (adapters == null) return;
            vm.NetworkAdapters.RemoveAll(adapters.Contains);
            if (adapterName == null) vm.NetworkAdapters.MarkKnown(At(c.Location));
        }

        /// <summary>Set-VMBios [-VMName] vm -StartupOrder: the Generation 1 boot order.</summary>
        private void SetVMBios(CommandCall c)
        {
            VirtualMachine? vm = About(c);
            if (vm != null && WrongGeneration(vm, c, 2, "Set-VMBios", "Set-VMFirmware")) return;
            CodeValue? order = c.Get("StartupOrder");
            if (vm == null || order?.AsList == null) return;
            var entries = new List<BootEntry>();
            foreach (string d in order.AsList)
            {
                BootDevice? device = HvLint.Readers.EnumNames.BootDevice(d);
                if (device == null) return; // a value HvLint does not know: the order stays unknown
                entries.Add(new BootEntry(device.Value, At(order.Location)));
            }

            vm.BootOrder.Clear();
            vm.BootOrder.MarkKnown(At(order.Location));
            foreach (BootEntry e in entries) vm.BootOrder.Add(e);
            if (!vm.Generation.IsKnown) vm.Generation = Fact.Known(1, At(c.Location)); // Set-VMBios exists only for Generation 1
        }

        /// <summary>Add-VMHardDiskDrive [-VMName] vm: a virtual hard disk (-Path) or a pass-through disk (-DiskNumber), in the slot the code gives.</summary>
        private void AddVMHardDiskDrive(CommandCall c)
        {
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            var d = new Drive { Location = At(c.Location), Kind = Fact.Known(DriveKind.VirtualHardDisk, At(c.Location)) };
            CodeValue? diskNumber = c.Get("DiskNumber");
            if (diskNumber != null)
            {
                // -DiskNumber attaches an offline physical disk: a pass-through disk, whatever its number.
                d.Kind = Fact.Known(DriveKind.PassThroughDisk, At(diskNumber.Location));
                if (diskNumber.TryLong(out long number) && number >= 0 && number <= int.MaxValue) d.DiskNumber = Fact.Known((int)number, At(diskNumber.Location));
            }

            CodeValue? type = c.Get("ControllerType");
            if (type?.AsString is string t && HvLint.Readers.EnumNames.ControllerType(t) is ControllerType ct) d.ControllerType = Fact.Known(ct, At(type.Location));
            SetSlot(c, d);
            CodeValue? path = c.Get("Path");
            if (path?.AsString is string p)
            {
                d.Path = Fact.Known<string?>(p, At(path.Location));
                d.Format = HvLint.Readers.NativeInventoryReader.FormatFromPath(d.Path);
                SizeFromNewVhd(d);
            }

            vm.Drives.Add(d);
        }

        /// <summary>Set-VMFirmware [-VMName] vm: a Generation 2 cmdlet, and its Secure Boot settings.</summary>
        private void SetVMFirmware(CommandCall c)
        {
            // UEFI firmware exists only on Generation 2 (hyperv-facts.md §2); the boot devices it takes are objects
            // the code gets at run time, so of the boot order only the generation is read.
            VirtualMachine? vm = About(c);
            if (vm == null || WrongGeneration(vm, c, 1, "Set-VMFirmware", "Set-VMBios")) return;
            if (!vm.Generation.IsKnown) vm.Generation = Fact.Known(2, At(c.Location));

            // -EnableSecureBoot takes an OnOffState (On, Off); a value the code does not give as text is unknown.
            CodeValue? secureBoot = c.Get("EnableSecureBoot");
            if (secureBoot != null)
            {
                string? state = secureBoot.AsString?.Trim();
                vm.SecureBootEnabled = string.Equals(state, "On", StringComparison.OrdinalIgnoreCase) ? Fact.Known(true, At(secureBoot.Location))
                    : string.Equals(state, "Off", StringComparison.OrdinalIgnoreCase) ? Fact.Known(false, At(secureBoot.Location))
                    : Fact<bool>.Unknown;
            }

            // -SecureBootTemplate names the template; -SecureBootTemplateId gives it by its GUID, which names it where it
            // is one of the two HvLint knows (SecureBootTemplates) and leaves it unknown otherwise. (A written name longer
            // than -SecureBootTemplate that begins -SecureBootTemplateI can only be the GUID's parameter; Get would take
            // it for the name's prefix.)
            CodeValue? template = c.Get("SecureBootTemplate");
            CodeValue? byId = null;
            foreach (KeyValuePair<string, CodeValue> p in c.Named)
            {
                if (p.Key.Length > "SecureBootTemplate".Length && "SecureBootTemplateId".StartsWith(p.Key, StringComparison.OrdinalIgnoreCase)) byId = p.Value;
            }

            // Templates arrived with Windows Server 2016 (2012 R2's Secure Boot is for Windows guests only): code that
            // chooses one is written for 2016 or later, which the profile the code implies must know (HV4006).
            NamesSecureBootTemplate |= byId != null || template != null;
            if (byId != null) vm.SecureBootTemplate = SecureBootTemplates.NameOfId(byId.AsString) is string named ? Fact.Known(named, At(byId.Location)) : Fact<string>.Unknown;
            else if (template != null) vm.SecureBootTemplate = template.AsString is string name ? Fact.Known(name, At(template.Location)) : Fact<string>.Unknown;
        }

        /// <summary>Remove-VMHardDiskDrive [-VMName] vm: the disk in the slot the code gives.</summary>
        private void RemoveVMHardDiskDrive(CommandCall c)
        {
            // Remove-VMHardDiskDrive -VMName <vm> -ControllerType t -ControllerNumber n -ControllerLocation l: the disk
            // in that slot, or any disk whose slot the model does not know (it may be that one), and then the list
            // is incomplete; when the code does not say which slot, every disk the model has.
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            long number = -1, location = -1;
            CodeValue? n = c.Get("ControllerNumber"), l = c.Get("ControllerLocation");
            ControllerType? type = c.Get("ControllerType")?.AsString is string t ? HvLint.Readers.EnumNames.ControllerType(t) : null;
            if (type == null || n == null || l == null || !n.TryLong(out number) || !l.TryLong(out location))
            {
                ForgetDrives(vm, d => d.IsHardDisk);
                return;
            }

            bool Known(Drive d) => d.ControllerType.IsKnown && d.ControllerNumber.IsKnown && d.ControllerLocation.IsKnown;
            if (vm.Drives.RemoveAll(d => d.IsHardDisk && !Known(d)) > 0) vm.Drives.MarkUnknown();
            vm.Drives.RemoveAll(d => d.IsHardDisk && d.ControllerType.Value == type && d.ControllerNumber.Value == number && d.ControllerLocation.Value == location);
        }

        /// <summary>Checkpoint-VM [-Name] vm: one more checkpoint of a VM created here.</summary>
        private void CheckpointVM(CommandCall c)
        {
            // Checkpoint-VM [-Name] <vm> [[-SnapshotName] <name>]: a VM created here has exactly as many
            // checkpoints as it is given; one that exists already may have more, so its count stays unknown.
            VirtualMachine? vm = About(c);
            if (vm == null || !_created.Contains(vm)) return;
            int count = vm.CheckpointCount.IsKnown ? vm.CheckpointCount.Value + 1 : 1;
            vm.CheckpointCount = Fact.Known(count, At(c.Location));
        }

        private void NewVm(CommandCall c)
        {
            CodeValue? nameValue = c.Get("Name", "VMName") ?? (c.Positional.Count > 0 ? c.Positional[0] : null);
            string? name = nameValue?.AsString ?? nameValue?.Symbol;
            bool symbolic = nameValue?.AsString == null && name != null;
            var vm = new VirtualMachine();
            _owner = vm;
            if (symbolic) _symbolic.Add(vm);
            vm.Location = At(c.Location);
            if (name != null) vm.Name = Fact.Known(name, At(nameValue!.Location));
            VirtualMachines.Add(vm);
            _created.Add(vm);
            OnHost(vm, c);
            if (name != null) _byName[name] = vm;
            _current = vm;

            CodeValue? generation = c.Get("Generation");
            int gen = 1;
            if (generation == null) vm.Generation = Fact.Known(1, At(c.Location)); // New-VM's default
            else if (generation.TryLong(out long g)) vm.Generation = Fact.Known(gen = (int)g, At(generation.Location));
            else gen = 0;
            if (gen != 0) _generationFromNewVm.Add(vm);
            if (gen == 2)
            {
                // A Generation 2 VM is created with Secure Boot on and the MicrosoftWindows template (hyperv-facts.md §2).
                vm.SecureBootEnabled = Fact.Known(true, vm.Generation.Location);
                vm.SecureBootTemplate = Fact.Known(HvLint.Rules.Guest.HV4006LinuxGuestOnWindowsSecureBootTemplate.WindowsTemplate, vm.Generation.Location);
            }

            if (gen == 2) RefusedOnGeneration2(c, vm);
            SetLong(c.Get("MemoryStartupBytes"), f => vm.MemoryStartupBytes = f);
            NewVmDisk(c, vm, gen);
            if (gen == 1)
            {
                // A Generation 1 VM always gets a DVD drive at IDE 1:0 (hyperv-facts.md §6f), and no other drive than the
                // disk -NewVHDPath or -VHDPath gives it: its drives are known, so HV2002 sees one whose disks are all on SCSI.
                vm.Drives.MarkKnown(At(c.Location));
                vm.Drives.Add(new Drive
                {
                    Location = At(c.Location), Kind = Fact.Known(DriveKind.DvdDrive, At(c.Location)), ControllerType = Fact.Known(ControllerType.Ide, At(c.Location)),
                    ControllerNumber = Fact.Known(1, At(c.Location)), ControllerLocation = Fact.Known(0, At(c.Location)),
                });
            }

            // One network adapter: legacy when a Generation 1 VM boots from the network.
            CodeValue? boot = c.Get("BootDevice");
            string? device = boot?.AsString;
            bool networkBoot = device != null && (string.Equals(device, "NetworkAdapter", StringComparison.OrdinalIgnoreCase) || string.Equals(device, "LegacyNetworkAdapter", StringComparison.OrdinalIgnoreCase));
            var adapter = new NetworkAdapter { Location = At(c.Location) };
            if (gen == 1) adapter.IsLegacy = Fact.Known(networkBoot, At(boot?.Location ?? c.Location));
            else if (gen == 2) adapter.IsLegacy = Fact.Known(false, At(c.Location));
            CodeValue? sw = c.Get("SwitchName");
            if (sw?.AsString is string s) adapter.SwitchName = Fact.Known<string?>(s, At(sw.Location));
            if (boot == null || device != null)
            {
                // The adapter list is known only when the boot device (which decides its kind) is.
                vm.NetworkAdapters.MarkKnown(At(c.Location));
            }

            vm.NetworkAdapters.Add(adapter);

            if (gen == 1 && boot == null)
            {
                // Without -BootDevice a Generation 1 VM keeps the default BIOS order, which puts the disk (IDE) before
                // the network, as the WMI default BootOrder [Floppy, CD, IDE, PXE] does (hyperv-facts.md §2).
                vm.BootOrder.MarkKnown(At(c.Location));
                foreach (string d in BiosDefaultOrder)
                {
                    if (HvLint.Readers.EnumNames.BootDevice(d) is BootDevice bd) vm.BootOrder.Add(new BootEntry(bd, At(c.Location)));
                }
            }
            else if (gen == 1 && device != null)
            {
                // The requested device moves to the front of the BIOS order; NetworkAdapter means the legacy one.
                string first = networkBoot ? "LegacyNetworkAdapter" : string.Equals(device, "VHD", StringComparison.OrdinalIgnoreCase) ? "IDE" : device;
                var order = new List<string> { first };
                foreach (string d in BiosDefaultOrder)
                {
                    if (!string.Equals(d, first, StringComparison.OrdinalIgnoreCase)) order.Add(d);
                }

                vm.BootOrder.MarkKnown(At(boot!.Location));
                foreach (string d in order)
                {
                    if (HvLint.Readers.EnumNames.BootDevice(d) is BootDevice bd) vm.BootOrder.Add(new BootEntry(bd, At(boot.Location)));
                }
            }
        }

        /// <summary>
        /// HV8005: New-VM -Generation 2 refuses -BootDevice Floppy, IDE and LegacyNetworkAdapter, and a -VHDPath disk in
        /// the VHD format (hyperv-facts.md §6f). The VM is still modelled, as the code means it.
        /// </summary>
        private void RefusedOnGeneration2(CommandCall c, VirtualMachine vm)
        {
            string name = vm.Name.IsKnown ? "VM '" + vm.Name.Value + "'" : "the VM";
            CodeValue? boot = c.Get("BootDevice");
            if (boot?.AsString?.Trim() is string device && RefusedBootDevice(device) is string refused)
            {
                string instead = string.Equals(refused, "LegacyNetworkAdapter", StringComparison.OrdinalIgnoreCase) ? "; it boots from the network through its standard adapter (-BootDevice NetworkAdapter)" : string.Empty;
                Problem(new ApiProblem(HvLint.Rules.RuleIds.NewVmOptionGeneration2Refuses, boot.Location, "New-VM fails for " + name + ": Generation 2 has no " + refused + " boot device" + instead));
            }

            CodeValue? disk = c.Get("VHDPath");
            if (disk?.AsString is string path && (path.EndsWith(".vhd", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".avhd", StringComparison.OrdinalIgnoreCase)))
            {
                Problem(new ApiProblem(HvLint.Rules.RuleIds.NewVmOptionGeneration2Refuses, disk.Location, "New-VM fails for " + name + ": Generation 2 refuses a disk in the VHD format ('" + path + "'); convert it to VHDX"));
            }
        }

        private static readonly string[] Generation2RefusedBootDevices = { "Floppy", "IDE", "LegacyNetworkAdapter" };

        /// <summary>The BootDevice names New-VM -Generation 2 refuses, as Hyper-V spells them; null for any other.</summary>
        private static string? RefusedBootDevice(string device)
        {
            foreach (string refused in Generation2RefusedBootDevices)
            {
                if (string.Equals(device, refused, StringComparison.OrdinalIgnoreCase)) return refused;
            }

            return null;
        }

        /// <summary>
        /// New-VM -NewVHDPath creates a dynamic VHDX of -NewVHDSizeBytes and attaches it at IDE 0:0 on Generation 1, SCSI
        /// 0:0 on Generation 2 (hyperv-facts.md §6f); -VHDPath attaches an existing disk, whose format its extension says.
        /// </summary>
        private void NewVmDisk(CommandCall c, VirtualMachine vm, int generation)
        {
            CodeValue? created = c.Get("NewVHDPath");
            CodeValue? existing = c.Get("VHDPath");
            CodeValue? path = created ?? existing;
            if (path == null) return;
            var d = new Drive { Location = At(path.Location), Kind = Fact.Known(DriveKind.VirtualHardDisk, At(path.Location)) };
            if (path.AsString is string p)
            {
                d.Path = Fact.Known<string?>(p, At(path.Location));
                d.Format = HvLint.Readers.NativeInventoryReader.FormatFromPath(d.Path);
                if (created == null) SizeFromNewVhd(d);
            }

            if (created != null)
            {
                // New-VM creates a VHDX; what it does with a path ending in .vhd the facts do not say, so that format stays unknown.
                d.Format = !d.Path.IsKnown || d.Format.Is(f => f == VirtualHardDiskFormat.Vhd) ? Fact<VirtualHardDiskFormat>.Unknown : Fact.Known(VirtualHardDiskFormat.Vhdx, At(path.Location));
                d.VhdType = Fact.Known(VirtualHardDiskType.Dynamic, At(path.Location));
                SetLong(c.Get("NewVHDSizeBytes"), f => d.SizeBytes = f);
                if (ControllerFor(generation) is ControllerType type)
                {
                    d.ControllerType = Fact.Known(type, At(path.Location));
                    d.ControllerNumber = Fact.Known(0, At(path.Location));
                    d.ControllerLocation = Fact.Known(0, At(path.Location));
                }
            }

            vm.Drives.Add(d);
        }

        /// <summary>
        /// Disable-VMIntegrationService / Enable-VMIntegrationService [-Name] &lt;services&gt; [-VMName] &lt;vm&gt;: the
        /// service names come first and the VM second when neither is named (Microsoft Learn); a piped VM counts too.
        /// The rules decide which disabled services matter (HV4004, HV6002).
        /// </summary>
        private void IntegrationServices(CommandCall c, bool enable)
        {
            CodeValue? names = c.Get("Name") ?? (c.Positional.Count > 0 ? c.Positional[0] : null);
            if (names?.AsList == null) return;
            VirtualMachine? vm = About(c, vmPosition: 1);
            if (vm == null) return;
            foreach (string written in names.AsList)
            {
                string name = HvLint.Rules.Guest.IntegrationServiceNames.Canonical(written);
                vm.IntegrationServices.Services.RemoveAll(s => string.Equals(s.Name, name, StringComparison.Ordinal));
                vm.IntegrationServices.Services.Add(new IntegrationService(name, Fact.Known(enable, At(names.Location)), At(names.Location)));
            }
        }

        /// <summary>-StaticMacAddress "00155D010203" makes the adapter's address static; -DynamicMacAddress makes it dynamic again.</summary>
        private void MacAddress(CommandCall c, NetworkAdapter a)
        {
            CodeValue? mac = c.Get("StaticMacAddress");
            if (mac?.AsString is string address)
            {
                a.MacAddress = Fact.Known(address, At(mac.Location));
                a.StaticMacAddress = Fact.Known(true, At(mac.Location));
            }
            else if (c.Get("DynamicMacAddress") is CodeValue dynamic)
            {
                a.StaticMacAddress = Fact.Known(false, At(dynamic.Location));
            }
        }

        /// <summary>
        /// The VM's adapters a command is about: the one <paramref name="name"/> names, or all of them without it; null
        /// when the name is chosen at run time.
        /// </summary>
        private static List<NetworkAdapter>? Adapters(VirtualMachine vm, CodeValue? name)
        {
            if (name != null && name.AsString == null) return null;
            var adapters = new List<NetworkAdapter>();
            foreach (NetworkAdapter a in vm.NetworkAdapters.Items)
            {
                if (name == null || string.Equals(a.DisplayName, name.AsString, StringComparison.OrdinalIgnoreCase)) adapters.Add(a);
            }

            return adapters;
        }

        /// <summary>
        /// Set-VMNetworkAdapterVlan -Access -VlanId n, -Trunk -AllowedVlanIdList "a-b,c" -NativeVlanId n, or -Untagged
        /// (hyperv-facts.md §4), on the adapter -VMNetworkAdapterName names or on every adapter of the VM. A VM whose
        /// adapters the code does not list (one it did not create) gets the adapter the command is about, with only
        /// its VLAN known.
        /// </summary>
        private void Vlan(CommandCall c)
        {
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            CodeValue? adapterName = c.Get("VMNetworkAdapterName");
            List<NetworkAdapter>? adapters = Adapters(vm, adapterName);
            if (adapters == null) return;
            if (adapters.Count == 0 && !vm.NetworkAdapters.IsKnown)
            {
                var a = new NetworkAdapter { Location = At(c.Location) };
                if (adapterName?.AsString is string n) a.Name = Fact.Known(n, At(adapterName.Location));
                vm.NetworkAdapters.Add(a);
                adapters.Add(a);
            }

            CodeValue? vlanId = c.Get("VlanId");
            CodeValue? native = c.Get("NativeVlanId");
            CodeValue? allowed = c.Get("AllowedVlanIdList");
            VlanMode? mode = c.Get("Access") != null ? VlanMode.Access : c.Get("Trunk") != null ? VlanMode.Trunk : c.Get("Untagged") != null ? VlanMode.Untagged : (VlanMode?)null;
            foreach (NetworkAdapter a in adapters)
            {
                if (mode != null) a.VlanMode = Fact.Known(mode.Value, At(c.Location));
                if (mode == VlanMode.Access && vlanId != null && vlanId.TryLong(out long access) && FitsInt(access)) a.AccessVlanId = Fact.Known((int)access, At(vlanId.Location));
                if (native != null && native.TryLong(out long nativeId) && FitsInt(nativeId)) a.NativeVlanId = Fact.Known((int)nativeId, At(native.Location));
                // One string ("1-100,200"); an unquoted list in script text is an array PowerShell joins its own way.
                if (allowed?.AsList is IReadOnlyList<string> list && list.Count == 1) a.AllowedVlanIdList = Fact.Known(list[0], At(allowed.Location));
            }
        }

        /// <summary>
        /// Connect-VMNetworkAdapter [-VMName] &lt;vm&gt; [[-Name] &lt;adapter&gt;] [-SwitchName] &lt;switch&gt; connects the named
        /// adapter, or all of the VM's, to the switch. Connected to a switch object (-VMSwitch), automatically, or
        /// disconnected (Disconnect-VMNetworkAdapter), the switch is no longer the one the code named before; it is
        /// unknown rather than none, as later code the model does not read may connect it again.
        /// </summary>
        private void Connect(CommandCall c, bool connect)
        {
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            CodeValue? adapterName = c.Get("Name") ?? (c.Positional.Count > 1 ? c.Positional[1] : null);
            List<NetworkAdapter>? adapters = Adapters(vm, adapterName);
            if (adapters == null) return;
            CodeValue? sw = connect ? c.Get("SwitchName") ?? (c.Positional.Count > 2 ? c.Positional[2] : null) : null;
            foreach (NetworkAdapter a in adapters)
            {
                a.SwitchName = sw?.AsString is string s ? Fact.Known<string?>(s, At(sw.Location)) : Fact<string?>.Unknown;
            }
        }

        /// <summary>
        /// New-VMSwitch [-Name] &lt;switch&gt; -SwitchType Internal|Private, or -NetAdapterName (or
        /// -NetAdapterInterfaceDescription) for an External switch, which shares its adapter with the management OS
        /// unless -AllowManagementOS $false (hyperv-facts.md §6f).
        /// </summary>
        private void NewVmSwitch(CommandCall c)
        {
            // Not about a VM: what its pipeline or a command without a VM name does is about no VM the model knows.
            _current = null;
            string? key = HostKey(c);
            CodeValue? name = c.Get("Name", "SwitchName") ?? (c.Positional.Count > 0 ? c.Positional[0] : null);
            if (key == null || name?.AsString is not string switchName) return;
            var vs = new VirtualSwitch { Location = At(c.Location), Name = Fact.Known(switchName, At(name.Location)) };
            CodeValue? uplink = c.Get("NetAdapterName") ?? c.Get("NetAdapterInterfaceDescription");
            CodeValue? type = c.Get("SwitchType");
            if (uplink != null)
            {
                vs.SwitchType = Fact.Known(VirtualSwitchType.External, At(uplink.Location));
                if (uplink.AsList != null) vs.NetAdapterNames.AddRange(uplink.AsList);
                CodeValue? allow = c.Get("AllowManagementOS");
                if (allow == null) vs.AllowManagementOS = Fact.Known(true, At(c.Location));
                else if (allow.TryBool(out bool shared)) vs.AllowManagementOS = Fact.Known(shared, At(allow.Location));
            }
            else if (type != null)
            {
                // By name, or by the enum's number (Private 0, Internal 1, External 2), as PowerShell binds either.
                VirtualSwitchType? t = type.TryLong(out long n) ? (n >= 0 && n <= 2 ? (VirtualSwitchType)n : (VirtualSwitchType?)null)
                    : type.AsString is string written ? HvLint.Readers.EnumNames.SwitchType(written) : null;
                if (t != null) vs.SwitchType = Fact.Known(t.Value, At(type.Location));
            }

            if (!_hosts.TryGetValue(key, out Host? host))
            {
                host = new Host { Location = At(c.Location) };
                if (key.Length > 0) host.Name = Fact.Known(key, At(c.Get("ComputerName")!.Location));
                _hosts[key] = host;
            }

            host.VirtualSwitches.Add(vs);
        }

        /// <summary>Which host a command runs on: its -ComputerName, "" for the local host, null when that is decided at run time.</summary>
        private static string? HostKey(CommandCall c)
        {
            if (c.Get("CimSession") != null) return null;
            CodeValue? computer = c.Get("ComputerName");
            if (computer == null) return string.Empty;
            // Several hosts at once (-ComputerName hv01, hv02) are no one host.
            string? name = computer.AsList is { Count: 1 } one ? one[0] : null;
            return name == null ? null : name == "." || string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase) ? string.Empty : name;
        }

        private void OnHost(VirtualMachine vm, CommandCall c)
        {
            if (HostKey(c) is string key) _hostOf[vm] = key;
        }

        /// <summary>Where a generation's drives go when the code names no controller: IDE on Generation 1, SCSI on Generation 2.</summary>
        private static ControllerType? ControllerFor(int generation) => generation == 1 ? ControllerType.Ide : generation == 2 ? ControllerType.Scsi : (ControllerType?)null;

        /// <summary>-ControllerNumber and -ControllerLocation of a drive command.</summary>
        private void SetSlot(CommandCall c, Drive d)
        {
            SetLong(c.Get("ControllerNumber"), f => { if (FitsInt(f.Value)) d.ControllerNumber = Fact.Known((int)f.Value, f.Location); });
            SetLong(c.Get("ControllerLocation"), f => { if (FitsInt(f.Value)) d.ControllerLocation = Fact.Known((int)f.Value, f.Location); });
        }

        /// <summary>
        /// The VM a command is about (<see cref="Target"/>). When the code does not fix it (a name or VM object known only
        /// at run time, or a pipeline from a command HvLint does not read), the command may be about any VM of the
        /// method, so what it may set becomes unknown on all of them.
        /// </summary>
        private VirtualMachine? About(CommandCall c, int vmPosition = 0)
        {
            VirtualMachine? vm = Target(c, vmPosition);
            Cmdlet cmdlet = Cmdlets[c.Name];
            if (vm == null)
            {
                ForgetOnEveryVm(cmdlet);
            }
            else if (_symbolic.Count > 0)
            {
                // A VM named by a symbol ({vmName}) may be any other VM of the method at run time, and the other way round.
                foreach (VirtualMachine other in VirtualMachines)
                {
                    if (other != vm && (_symbolic.Contains(vm) || _symbolic.Contains(other))) cmdlet.MayChange(other);
                }
            }

            return vm;
        }

        // VMs named by a symbol (CodeValue.Symbol): the code does not fix their names, so each may be any other VM.
        private readonly HashSet<VirtualMachine> _symbolic = new HashSet<VirtualMachine>();

        /// <summary>Whether the VM of that name is named by a symbol ({vmName}, $Name), not by a name the code writes.</summary>
        public bool NamedBySymbol(string name) => _symbolic.Count > 0 && _byName.TryGetValue(name, out VirtualMachine? vm) && _symbolic.Contains(vm);

        private void ForgetOnEveryVm(Cmdlet cmdlet)
        {
            foreach (VirtualMachine vm in VirtualMachines) cmdlet.MayChange(vm);
        }

        // What the cmdlets may set, made unknown on a VM (Cmdlet.MayChange). New-VM, Get-VM, New-VMSwitch and New-VHD
        // change no VM that exists.
        private static void ChangesNoVm(VirtualMachine vm)
        {
        }

        private static void ForgetProcessor(VirtualMachine vm)
        {
            vm.ProcessorCount = Fact<long>.Unknown;
            vm.ExposeVirtualizationExtensions = Fact<bool>.Unknown;
        }

        private static void ForgetComPorts(VirtualMachine vm)
        {
            foreach (ComPort port in vm.ComPorts) port.Path = Fact<string?>.Unknown;
        }

        private static void ForgetMemory(VirtualMachine vm)
        {
            vm.MemoryStartupBytes = vm.MemoryMinimumBytes = vm.MemoryMaximumBytes = Fact<long>.Unknown;
            vm.DynamicMemoryEnabled = Fact<bool>.Unknown;
        }

        private static void ForgetAdapters(VirtualMachine vm)
        {
            // Which adapters are gone is unknown: none of them is known to be there.
            vm.NetworkAdapters.Clear();
            vm.NetworkAdapters.MarkUnknown();
        }

        private static void ForgetAdapterSettings(VirtualMachine vm)
        {
            foreach (NetworkAdapter a in vm.NetworkAdapters.Items)
            {
                a.MacAddress = a.AllowedVlanIdList = Fact<string>.Unknown;
                a.SwitchName = Fact<string?>.Unknown;
                a.StaticMacAddress = a.MacAddressSpoofing = Fact<bool>.Unknown;
                a.VlanMode = Fact<VlanMode>.Unknown;
                a.AccessVlanId = a.NativeVlanId = Fact<int>.Unknown;
            }
        }

        /// <summary>The drives <paramref name="removed"/> selects may be gone, and others added: none is known to be there.</summary>
        private static void ForgetDrives(VirtualMachine vm, Predicate<Drive> removed)
        {
            vm.Drives.MarkUnknown();
            vm.Drives.RemoveAll(removed);
        }

        private static void ForgetDriveSlots(VirtualMachine vm)
        {
            vm.Drives.MarkUnknown();
            foreach (Drive d in vm.Drives.Items)
            {
                d.ControllerType = Fact<ControllerType>.Unknown;
                d.ControllerNumber = d.ControllerLocation = Fact<int>.Unknown;
                d.Path = Fact<string?>.Unknown;
                d.Format = Fact<VirtualHardDiskFormat>.Unknown;
                d.SizeBytes = Fact<long>.Unknown;
            }
        }

        private static void ForgetBootOrder(VirtualMachine vm)
        {
            vm.BootOrder.Clear();
            vm.BootOrder.MarkUnknown();
        }

        private static void ForgetFirmware(VirtualMachine vm)
        {
            ForgetBootOrder(vm);
            vm.SecureBootEnabled = Fact<bool>.Unknown;
            vm.SecureBootTemplate = Fact<string>.Unknown;
        }

        private static void ForgetIntegrationServices(VirtualMachine vm)
        {
            List<IntegrationService> services = vm.IntegrationServices.Services;
            for (int k = 0; k < services.Count; k++) services[k] = new IntegrationService(services[k].Name, Fact<bool>.Unknown, services[k].Location);
        }

        /// <summary>
        /// Set-VMHardDiskDrive [-VMName] vm -ControllerType t -ControllerNumber n -ControllerLocation l, and Set-VMDvdDrive
        /// (whose drive is on IDE on Generation 1, SCSI on Generation 2): the drive in that slot moves to -ToControllerType,
        /// -ToControllerNumber and -ToControllerLocation, and attaches -Path. A slot where the model has no drive (one the
        /// code did not add, or added without saying where) leaves the model as it is; a value the code does not fix makes
        /// that part of the drive unknown.
        /// </summary>
        private void MoveDrive(CommandCall c, bool dvd)
        {
            VirtualMachine? vm = About(c);
            if (vm == null) return;
            CodeValue? n = c.Get("ControllerNumber"), l = c.Get("ControllerLocation");
            if (n == null || l == null || !n.TryLong(out long number) || !l.TryLong(out long location)) return;
            ControllerType? type = dvd ? (vm.Generation.IsKnown ? ControllerFor(vm.Generation.Value) : null)
                : c.Get("ControllerType")?.AsString is string written ? HvLint.Readers.EnumNames.ControllerType(written) : null;
            if (type == null) return;
            Drive? drive = null;
            foreach (Drive d in vm.Drives.Items)
            {
                if ((dvd ? d.Kind.Is(k => k == DriveKind.DvdDrive) : d.IsHardDisk) && d.ControllerType.Is(x => x == type)
                    && d.ControllerNumber.Is(x => x == number) && d.ControllerLocation.Is(x => x == location)) drive = d;
            }

            if (drive == null) return;
            if (!dvd && c.Get("ToControllerType") is CodeValue toType)
            {
                drive.ControllerType = toType.AsString is string t && HvLint.Readers.EnumNames.ControllerType(t) is ControllerType moved ? Fact.Known(moved, At(toType.Location)) : Fact<ControllerType>.Unknown;
            }

            if (c.Get("ToControllerNumber") is CodeValue toNumber) drive.ControllerNumber = SlotNumber(toNumber);
            if (c.Get("ToControllerLocation") is CodeValue toLocation) drive.ControllerLocation = SlotNumber(toLocation);
            if (c.Get("Path") is CodeValue path)
            {
                drive.Path = path.AsString is string p ? Fact.Known<string?>(p, At(path.Location)) : Fact<string?>.Unknown;
                if (!dvd)
                {
                    // Another file: its format is its extension's, its size known only if New-VHD created it here.
                    drive.Format = HvLint.Readers.NativeInventoryReader.FormatFromPath(drive.Path);
                    drive.SizeBytes = Fact<long>.Unknown;
                    SizeFromNewVhd(drive);
                }
            }
        }

        private Fact<int> SlotNumber(CodeValue v) => v.TryLong(out long n) && FitsInt(n) ? Fact.Known((int)n, At(v.Location)) : Fact<int>.Unknown;

        // The cmdlets take these as Int32: a larger number fails to bind and sets nothing.
        private static bool FitsInt(long n) => n >= int.MinValue && n <= int.MaxValue;

        /// <summary>
        /// HV8004: a firmware cmdlet on a VM that New-VM made the other generation. The VM is left as it is, as the
        /// command fails and changes nothing.
        /// </summary>
        private bool WrongGeneration(VirtualMachine vm, CommandCall c, int refused, string cmdlet, string instead)
        {
            if (!_generationFromNewVm.Contains(vm) || !vm.Generation.Is(g => g == refused)) return false;
            string name = vm.Name.IsKnown ? "VM '" + vm.Name.Value + "'" : "the VM";
            bool byDefault = refused == 1 && vm.Generation.Location.Equals(vm.Location);
            string why = byDefault ? " (New-VM's default without -Generation 2)" : string.Empty;
            // Where New-VM is written, for the fix that gives it -Generation 2 (offered only where 1 is New-VM's default).
            Location? newVm = byDefault && Locations.TryGetValue(vm.Location, out Location? written) ? written : null;
            Problem(new ApiProblem(HvLint.Rules.RuleIds.FirmwareCmdletForOtherGeneration, c.Location, cmdlet + " fails on " + name + ": it is Generation "
                + refused.ToString(System.Globalization.CultureInfo.InvariantCulture) + why + ", whose firmware is set with " + instead, newVm));
            return true;
        }

        /// <summary>
        /// The VM a command is about: -VMName, the positional argument at <paramref name="vmPosition"/> (the first for
        /// most cmdlets), or the VM the pipeline carries.
        /// </summary>
        private VirtualMachine? Target(CommandCall c, int vmPosition = 0) => _owner = FindTarget(c, vmPosition);

        private VirtualMachine? FindTarget(CommandCall c, int vmPosition)
        {
            bool nameIsVm = NameIsVm(c);
            // -VM takes VM objects: the one a script variable holds ($vm = New-VM ...), or one the code gets at run time,
            // which is unknown. A variable in the VM's position is the same (Set-VMProcessor $vm -Count 8).
            if (c.Get("VM") is CodeValue vmObject) return Held(vmObject);
            CodeValue? name = c.Get("VMName") ?? (nameIsVm ? c.Get("Name") : null) ?? (c.Positional.Count > vmPosition ? c.Positional[vmPosition] : null);
            if (c.Piped || name == null) return _current;
            string? n = name.AsString;
            if (n == null)
            {
                // A variable that holds a VM ($vm = New-VM ...); else a value the code writes the same way each time (a
                // parameter it never changes), which names one VM, whatever that VM's name at run time.
                VirtualMachine? held = Held(name);
                if (held != null || name.Symbol == null) return held;
                VirtualMachine named = _byName.TryGetValue(name.Symbol, out VirtualMachine? known) ? known : Introduce(name.Symbol, name, c);
                _symbolic.Add(named);
                return _current = named;
            }

            if (_byName.TryGetValue(n, out VirtualMachine? vm)) return _current = vm;

            // A VM the code did not create here: only what this code sets is known about it.
            return _current = Introduce(n, name, c);
        }

        /// <summary>-Name is the VM only for Get-VM, Set-VM and Checkpoint-VM; on Add-VMNetworkAdapter and the others it names the device.</summary>
        private static bool NameIsVm(CommandCall c) =>
            string.Equals(c.Name, "Set-VM", StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, "Checkpoint-VM", StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Name, "Get-VM", StringComparison.OrdinalIgnoreCase);

        /// <summary>A VM the model knows only by the name a command gives it.</summary>
        private VirtualMachine Introduce(string name, CodeValue written, CommandCall c)
        {
            var vm = new VirtualMachine();
            _owner = vm;
            vm.Location = At(c.Location);
            vm.Name = Fact.Known(name, At(written.Location));
            _byName[name] = vm;
            VirtualMachines.Add(vm);
            OnHost(vm, c);
            return vm;
        }

        private void SetLong(CodeValue? v, Action<Fact<long>> set)
        {
            if (v != null && v.TryLong(out long n)) set(Fact.Known(n, At(v.Location)));
        }

        private void SetBool(CodeValue? v, Action<Fact<bool>> set)
        {
            if (v != null && v.TryBool(out bool b)) set(Fact.Known(b, At(v.Location)));
        }

        /// <summary>A model position for a code location, remembered so that findings map back to the code.</summary>
        private SourceLocation At(Location location)
        {
            // A command's own location stands behind several facts in a row (its VM, generation, adapter, boot order).
            SourceLocation at;
            if (ReferenceEquals(location, _lastLocation))
            {
                at = _lastAt;
            }
            else
            {
                // The location's own file: a function of a script this one dot-sources is read in that script.
                FileLinePositionSpan span = location.GetLineSpan();
                string file = string.IsNullOrEmpty(span.Path) ? _path : span.Path;
                at = new SourceLocation(_call == 0 ? file : file + CallMark + _call.ToString(System.Globalization.CultureInfo.InvariantCulture), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
                if (!Locations.ContainsKey(at)) Locations.Add(at, location);
                _lastLocation = location;
                _lastAt = at;
            }

            if (_owner != null)
            {
                if (!_vmsAt.TryGetValue(at, out List<VirtualMachine>? vms)) _vmsAt.Add(at, new List<VirtualMachine> { _owner });
                else if (!vms.Contains(_owner)) vms.Add(_owner);
            }

            return at;
        }

        /// <summary>
        /// Which call of a helper the commands now applied were read for, counted from 1; 0 for the method's own. A helper
        /// read for two calls gives its facts at two sets of model positions, so a finding there maps back to its call.
        /// </summary>
        public int Call
        {
            get => _call;
            set
            {
                if (value == _call) return;
                _call = value;
                _lastLocation = null;
            }
        }

        private int _call;
        private const string CallMark = "|call ";

        /// <summary>The call (<see cref="Call"/>) whose commands gave the facts at <paramref name="at"/>.</summary>
        public int CallOf(SourceLocation at) =>
            at.Path != null && at.Path.Length > _path.Length + CallMark.Length && at.Path.StartsWith(_path + CallMark, StringComparison.Ordinal)
            && int.TryParse(at.Path.Substring(_path.Length + CallMark.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int call) ? call : 0;

        /// <summary>
        /// How many VMs have facts from the code at <paramref name="at"/>: more than one where that code is read for each
        /// of several (a loop, -VMName web01, web02), so a fix there changes every one of them.
        /// </summary>
        public int VmsAt(SourceLocation at) => _vmsAt.TryGetValue(at, out List<VirtualMachine>? vms) ? vms.Count : 0;

        // The VM the command being applied gives facts to, once known (New-VM's, or the one it is about), and the VMs
        // each code location gave facts to.
        private VirtualMachine? _owner;
        private readonly LocationMap<List<VirtualMachine>> _vmsAt = new LocationMap<List<VirtualMachine>>();

        private Location? _lastLocation;
        private SourceLocation _lastAt;
    }

    /// <summary>
    /// A misuse of a cmdlet (HV8004, HV8005): which rule, where, what, and for HV8004 the New-VM to give -Generation 2
    /// when that is the fix.
    /// </summary>
    internal sealed class ApiProblem
    {
        public ApiProblem(string ruleId, Location at, string message, Location? newVm = null)
        {
            RuleId = ruleId;
            At = at;
            Message = message;
            NewVm = newVm;
        }

        public string RuleId { get; }

        public Location At { get; }

        public string Message { get; }

        public Location? NewVm { get; }
    }
}
