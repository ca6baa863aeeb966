using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Readers.Cim;
using HvLint.Rules;
using HvLint.Rules.ProvisioningApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HvLint.Analyzers
{
    /// <summary>
    /// VMs defined through WMI (System.Management) or CIM (Microsoft.Management.Infrastructure) with Msvm_*
    /// settings: property writes obj["Prop"] = value, SetPropertyValue, and CimInstance properties. The objects
    /// written in one method are one VM, mapped with the shared MsvmResources vocabulary; the namespace strings
    /// in the method, or else in its class when they name only one, say v1 or v2. Only writes count: a table that
    /// merely names a subtype, or a wrapper class nothing writes, is not a VM.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WmiAnalyzer : DiagnosticAnalyzer
    {
        // "VirtualSystem": a v1 method (DefineVirtualSystem) may be a method's only Hyper-V string, its namespace named by its class.
        private static readonly string[] Telltales = { "Msvm_", "Microsoft:Hyper-V:", "virtualization", "VirtualSystem" };

        private static readonly string[] V1OnlyNames = { "DefineVirtualSystem", "AddVirtualSystemResources", "ModifyVirtualSystemResources", "ModifyVirtualSystem", "Msvm_VirtualSwitch", "Msvm_VirtualSystemGlobalSettingData", "Msvm_VirtualSwitchManagementService" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => HvLintDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (!AnalyzerSettings.MayUse(start.Compilation, start.Options, "System.Management.ManagementBaseObject", "Microsoft.Management.Infrastructure.CimInstance")) return;
                HyperVProfile? configured = AnalyzerSettings.Profile(start.Options, out _);
                VmFileFacts files = VmFileFacts.For(start.Compilation, start.Options);
                var typeNamespaces = new System.Runtime.CompilerServices.ConditionalWeakTable<TypeDeclarationSyntax, TypeNamespace>();
                start.RegisterCodeBlockAction(block => Analyze(block, configured, files, typeNamespaces));
            });
        }

        private sealed class WmiObject
        {
            public WmiObject(Location location) => Location = location;

            public Location Location { get; }

            public string? ClassName { get; set; }

            /// <summary>The "Msvm_..." literal the class comes from, when it is in the method.</summary>
            public Location? ClassLocation { get; set; }

            public Dictionary<string, (ExpressionSyntax Expression, Optional<object?> Value)> Writes { get; } = new Dictionary<string, (ExpressionSyntax, Optional<object?>)>(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The namespace versions a type's own string literals name (a provider class keeps its namespace in a field).</summary>
        private sealed class TypeNamespace
        {
            public TypeNamespace(TypeDeclarationSyntax type)
            {
                foreach (SyntaxNode node in type.DescendantNodes())
                {
                    if (!(node is LiteralExpressionSyntax literal) || !literal.IsKind(SyntaxKind.StringLiteralExpression)) continue;
                    string text = literal.Token.ValueText;
                    if (IsV2(text)) V2 = true;
                    else if (IsV1(text)) V1 = true;
                }
            }

            public bool V1 { get; }

            public bool V2 { get; }
        }

        private static bool IsV2(string text) => text.EndsWith(@"root\virtualization\v2", StringComparison.OrdinalIgnoreCase) || text.EndsWith("root/virtualization/v2", StringComparison.OrdinalIgnoreCase);

        private static bool IsV1(string text) => text.EndsWith(@"root\virtualization", StringComparison.OrdinalIgnoreCase);

        private static void Analyze(CodeBlockAnalysisContext context, HyperVProfile? configured, VmFileFacts files, System.Runtime.CompilerServices.ConditionalWeakTable<TypeDeclarationSyntax, TypeNamespace> typeNamespaces)
        {
            SyntaxNode body = context.CodeBlock;
            SemanticModel model = context.SemanticModel;
            var token = context.CancellationToken;

            // Only string literals in the method say it touches Hyper-V's WMI: a method whose text has none of their
            // telltale parts is not walked.
            if (!SourceScan.Mentions(body, StringComparison.OrdinalIgnoreCase, Telltales, null, token)) return;

            // Strings first: cheap, and they say whether the method touches Hyper-V's WMI at all.
            var strings = body.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).Select(l => (Literal: l, Text: l.Token.ValueText)).ToList();
            bool v2 = strings.Any(s => IsV2(s.Text));
            bool v1 = !v2 && strings.Any(s => IsV1(s.Text));
            if (!v1 && !v2 && body.FirstAncestorOrSelf<TypeDeclarationSyntax>() is TypeDeclarationSyntax type)
            {
                // A method that names no namespace works in its class's: the one the class's strings name (a field such
                // as WMI_NAMESPACE = @"root\virtualization\v2"), when they name only one.
                TypeNamespace declared = typeNamespaces.GetValue(type, t => new TypeNamespace(t));
                v2 = declared.V2 && !declared.V1;
                v1 = declared.V1 && !declared.V2;
            }

            bool touchesMsvm = strings.Any(s => s.Text.IndexOf("Msvm_", StringComparison.Ordinal) >= 0 || s.Text.StartsWith("Microsoft:Hyper-V:", StringComparison.Ordinal)) || v1 || v2;
            if (!touchesMsvm) return;

            var reports = new List<Diagnostic>();
            if (v2)
            {
                foreach (var s in strings)
                {
                    string? v1Name = V1OnlyNames.FirstOrDefault(n => string.Equals(s.Text, n, StringComparison.OrdinalIgnoreCase) || s.Text.IndexOf("FROM " + n, StringComparison.OrdinalIgnoreCase) >= 0);
                    if (v1Name != null) reports.Add(Diagnostic.Create(HvLintDescriptors.Find(RuleIds.V1ApiOnV2Namespace)!, s.Literal.GetLocation(), "'" + v1Name + "' exists only in the v1 namespace (root\\virtualization), but this code uses root\\virtualization\\v2"));
                }
            }

            // Subtypes in WQL: SELECT * FROM Msvm_ResourceAllocationSettingData WHERE ResourceSubType = '...'.
            foreach (var s in strings)
            {
                var wql = System.Text.RegularExpressions.Regex.Match(s.Text, @"ResourceSubType\s*=\s*'([^']+)'", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                if (!wql.Success) continue;
                string? problem = SubTypeProblem(wql.Groups[1].Value, v1, v2);
                if (problem != null) reports.Add(Diagnostic.Create(HvLintDescriptors.Find(RuleIds.UnknownResourceSubType)!, s.Literal.GetLocation(), problem));
            }

            // Objects: every receiver of a property write, keyed by its symbol.
            // Keyed by the variable's symbol, or by the location of an instance created in place.
            var objects = new Dictionary<object, WmiObject>(KeyComparer.Instance);
            foreach (SyntaxNode node in body.DescendantNodes())
            {
                ExpressionSyntax? receiver = null;
                string? property = null;
                ExpressionSyntax? value = null;
                if (node is AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax access } assignment && access.ArgumentList.Arguments.Count == 1
                    && model.GetConstantValue(access.ArgumentList.Arguments[0].Expression, token) is { HasValue: true, Value: string name })
                {
                    receiver = access.Expression;
                    property = name;
                    value = assignment.Right;
                }
                else if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetPropertyValue" } member } call && call.ArgumentList.Arguments.Count == 2
                    && model.GetConstantValue(call.ArgumentList.Arguments[0].Expression, token) is { HasValue: true, Value: string setName })
                {
                    receiver = member.Expression;
                    property = setName;
                    value = call.ArgumentList.Arguments[1].Expression;
                }

                else if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value", Expression: ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CimInstanceProperties" } cimProperties } cimAccess } } cimAssignment
                    && cimAccess.ArgumentList.Arguments.Count == 1
                    && model.GetConstantValue(cimAccess.ArgumentList.Arguments[0].Expression, token) is { HasValue: true, Value: string cimName })
                {
                    // CIM (Microsoft.Management.Infrastructure): instance.CimInstanceProperties["VirtualQuantity"].Value = 8.
                    receiver = cimProperties.Expression;
                    property = cimName;
                    value = cimAssignment.Right;
                }

                else if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CimInstanceProperties" } addedTo } } add
                    && add.ArgumentList.Arguments.Count == 1
                    && add.ArgumentList.Arguments[0].Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create" } } property2 && property2.ArgumentList.Arguments.Count >= 2
                    && model.GetConstantValue(property2.ArgumentList.Arguments[0].Expression, token) is { HasValue: true, Value: string addedName })
                {
                    // CIM: instance.CimInstanceProperties.Add(CimProperty.Create("VirtualQuantity", 8, CimFlags.None)).
                    receiver = addedTo.Expression;
                    property = addedName;
                    value = property2.ArgumentList.Arguments[1].Expression;
                }
                else if (node is InvocationExpressionSyntax handedTo && IsProviderCall(handedTo))
                {
                    // Settings handed to the provider (AddResourceSettings, DefineSystem, CimSession.CreateInstance)
                    // are devices added with their class's defaults even when nothing is written to them.
                    foreach (ArgumentSyntax argument in handedTo.ArgumentList.Arguments) Handed(argument.Expression);
                    continue;
                }

                if (receiver == null || property == null || value == null) continue;
                WmiObject? obj = Track(receiver);
                if (obj == null) continue;
                obj.Writes[property] = (value, model.GetConstantValue(value, token));
                Handed(value); // inParams["ResourceSettings"] = new[] { nic.GetText(...) }: nic is handed over
            }

            WmiObject? Track(ExpressionSyntax receiver)
            {
                ISymbol? symbol = model.GetSymbolInfo(receiver, token).Symbol;
                if (symbol == null || symbol is IMethodSymbol || !IsWmiObject(model.GetTypeInfo(receiver, token).Type)) return null;
                if (!objects.TryGetValue(symbol, out WmiObject? tracked))
                {
                    objects[symbol] = tracked = new WmiObject(receiver.GetLocation()) { ClassName = ClassOf(symbol, body, token, out Location? classAt) };
                    tracked.ClassLocation = classAt;
                }

                return tracked;
            }

            void Handed(ExpressionSyntax e)
            {
                switch (e)
                {
                    case IdentifierNameSyntax:
                        Track(e);
                        break;
                    case ObjectCreationExpressionSyntax creation when creation.ArgumentList?.Arguments.Count > 0
                        && model.GetConstantValue(creation.ArgumentList.Arguments[0].Expression, token) is { HasValue: true, Value: string created } && created.StartsWith("Msvm_", StringComparison.Ordinal):
                        // new CimInstance("Msvm_EmulatedEthernetPortSettingData", ns) passed straight to the provider.
                        objects[creation.ArgumentList.Arguments[0].Expression.GetLocation()] = new WmiObject(creation.GetLocation()) { ClassName = created, ClassLocation = creation.ArgumentList.Arguments[0].Expression.GetLocation() };
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetText" } text }:
                        Handed(text.Expression);
                        break;
                    case CastExpressionSyntax cast:
                        Handed(cast.Expression);
                        break;
                    case ArrayCreationExpressionSyntax { Initializer: not null } array:
                        foreach (ExpressionSyntax item in array.Initializer.Expressions) Handed(item);
                        break;
                    case ImplicitArrayCreationExpressionSyntax implicitArray:
                        foreach (ExpressionSyntax item in implicitArray.Initializer.Expressions) Handed(item);
                        break;
                    case CollectionExpressionSyntax collection:
                        foreach (ExpressionElementSyntax item in collection.Elements.OfType<ExpressionElementSyntax>()) Handed(item.Expression);
                        break;
                }
            }

            if (objects.Count == 0 && reports.Count == 0) return;

            var locations = new LocationMap<Location>();
            string path = body.SyntaxTree.FilePath;
            SourceLocation At(Location l)
            {
                FileLinePositionSpan span = l.GetLineSpan();
                var at = new SourceLocation(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
                if (!locations.ContainsKey(at)) locations[at] = l;
                return at;
            }

            var vm = new VirtualMachine { Location = At(body.GetFirstToken().GetLocation()) };
            bool isVm = false, templateWritten = false;
            foreach (WmiObject obj in objects.Values)
            {
                string? subType = obj.Writes.TryGetValue("ResourceSubType", out var st) && st.Value.Value is string s ? s : null;
                if (subType != null)
                {
                    // HV8002: the subtype must exist, in the namespace's spelling.
                    string? problem = SubTypeProblem(subType, v1, v2);
                    if (problem != null) reports.Add(Diagnostic.Create(HvLintDescriptors.Find(RuleIds.UnknownResourceSubType)!, st.Expression.GetLocation(), problem));
                }

                MsvmResourceKind what = MsvmResources.Classify(obj.ClassName, subType);
                if (obj.ClassName != null && MsvmResources.IntegrationService(obj.ClassName) is string service && obj.Writes.TryGetValue("EnabledState", out var state) && state.Value.HasValue && CodeValue.Integer(state.Value.Value) is long enabledState)
                {
                    // Msvm_HeartbeatComponentSettingData and its kin; the rules decide which withheld services matter (HV4004, HV6002).
                    if (MsvmResources.Offered(enabledState) is bool offered)
                    {
                        isVm = true;
                        SourceLocation at = At(state.Expression.GetLocation());
                        vm.IntegrationServices.Services.Add(new IntegrationService(service, Fact.Known(offered, at), at));
                    }

                    continue;
                }

                if (obj.ClassName == "Msvm_VirtualSystemSettingData" || obj.Writes.ContainsKey("VirtualSystemSubType") || obj.Writes.ContainsKey("BootOrder"))
                {
                    isVm = true;
                    if (obj.Writes.TryGetValue("ElementName", out var n) && n.Value.Value is string name) vm.Name = Fact.Known(name, At(n.Expression.GetLocation()));
                    if (obj.Writes.TryGetValue("VirtualSystemSubType", out var g) && g.Value.Value is string sub && MsvmResources.Generation(sub) is int gen) vm.Generation = Fact.Known(gen, At(g.Expression.GetLocation()));
                    if (obj.Writes.TryGetValue("BootOrder", out var b) && Numbers(model, b.Expression, token) is List<long> order && order.All(o => MsvmResources.BootOrderEntry(o) != null))
                    {
                        vm.BootOrder.MarkKnown(At(b.Expression.GetLocation()));
                        foreach (long o in order) vm.BootOrder.Add(new BootEntry(MsvmResources.BootOrderEntry(o)!.Value, At(b.Expression.GetLocation())));
                    }

                    if (obj.Writes.TryGetValue("AllowFullSCSICommandSet", out var scsi) && scsi.Value.HasValue && scsi.Value.Value is bool full) vm.AllowFullScsiCommandSet = Fact.Known(full, At(scsi.Expression.GetLocation()));
                    if (obj.Writes.TryGetValue("SecureBootEnabled", out var secure) && secure.Value.HasValue && secure.Value.Value is bool on) vm.SecureBootEnabled = Fact.Known(on, At(secure.Expression.GetLocation()));
                    templateWritten |= obj.Writes.ContainsKey("SecureBootTemplateId");
                    if (obj.Writes.TryGetValue("SecureBootTemplateId", out var templateId) && templateId.Value.HasValue && SecureBootTemplates.NameOfId(templateId.Value.Value as string) is string template)
                    {
                        vm.SecureBootTemplate = Fact.Known(template, At(templateId.Expression.GetLocation()));
                    }

                    if (obj.Writes.TryGetValue("UserSnapshotType", out var snapshot) && snapshot.Value.HasValue && CodeValue.Integer(snapshot.Value.Value) is long snapshotType
                        && HvLint.Readers.EnumNames.CheckpointTypeNumber(snapshotType) is CheckpointType checkpointType) vm.CheckpointType = Fact.Known(checkpointType, At(snapshot.Expression.GetLocation()));
                    continue;
                }

                switch (what)
                {
                    case MsvmResourceKind.Processor:
                        isVm = true;
                        if (obj.Writes.TryGetValue("VirtualQuantity", out var q) && q.Value.HasValue && CodeValue.Integer(q.Value.Value) is long cpus) vm.ProcessorCount = Fact.Known(cpus, At(q.Expression.GetLocation()));
                        foreach (string unitProperty in new[] { "Limit", "Reservation" })
                        {
                            if (obj.Writes.TryGetValue(unitProperty, out var u) && u.Value.HasValue && CodeValue.Integer(u.Value.Value) is long amount && amount > 0 && amount < 1000)
                            {
                                reports.Add(Diagnostic.Create(HvLintDescriptors.Find(RuleIds.ProcessorLimitInWrongUnit)!, u.Expression.GetLocation(),
                                    "Msvm_ProcessorSettingData." + unitProperty + " is " + amount.ToString(CultureInfo.InvariantCulture) + " thousandths of a percent (" + (amount / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + "%); 100000 is 100%"));
                            }
                        }

                        break;
                    case MsvmResourceKind.Memory:
                        isVm = true;
                        if (obj.Writes.TryGetValue("VirtualQuantity", out var m) && m.Value.HasValue && CodeValue.Integer(m.Value.Value) is long mb) vm.MemoryStartupBytes = Fact.Known(mb << 20, At(m.Expression.GetLocation()));
                        break;
                    case MsvmResourceKind.PhysicalDiskDrive:
                    {
                        // "Microsoft:Hyper-V:Physical Disk Drive" (v1 "Microsoft Physical Disk Drive"): a pass-through disk.
                        isVm = true;
                        Location at = st.Expression.GetLocation();
                        vm.Drives.Add(new Drive { Location = At(at), Kind = Fact.Known(DriveKind.PassThroughDisk, At(at)) });
                        break;
                    }

                    case MsvmResourceKind.VirtualFloppyDisk:
                        // "Microsoft:Hyper-V:Virtual Floppy Disk": a disk for the floppy drive, which only Generation 1 has.
                        isVm = true;
                        vm.FloppyDisk = Fact.Known<string?>(null, At(st.Expression.GetLocation()));
                        break;
                    case MsvmResourceKind.SyntheticNetworkAdapter:
                    case MsvmResourceKind.LegacyNetworkAdapter:
                    {
                        isVm = true;
                        Location at = subType != null ? st.Expression.GetLocation() : obj.ClassLocation ?? obj.Location;
                        var adapter = new NetworkAdapter { Location = At(at), IsLegacy = Fact.Known(what == MsvmResourceKind.LegacyNetworkAdapter, At(at)) };
                        // StaticMacAddress = true with Address = "00155D..." (hyperv-facts.md §6d): a static address, for HV3005.
                        if (obj.Writes.TryGetValue("StaticMacAddress", out var isStatic) && isStatic.Value.HasValue && isStatic.Value.Value is bool staticMac)
                        {
                            adapter.StaticMacAddress = Fact.Known(staticMac, At(isStatic.Expression.GetLocation()));
                        }

                        if (obj.Writes.TryGetValue("Address", out var address) && address.Value.HasValue && address.Value.Value is string mac)
                        {
                            adapter.MacAddress = Fact.Known(mac, At(address.Expression.GetLocation()));
                        }

                        vm.NetworkAdapters.Add(adapter);
                        break;
                    }
                }
            }

            if (isVm)
            {
                files.Describe(vm);
                // Evidence in the code, as the CLI weighs it: the oldest release with a v2 namespace is 2012, with Generation 2
                // 2012 R2, with a Secure Boot template 2016 (HV4006).
                HyperVProfile profile = configured ?? (templateWritten ? ProfileCatalog.Get(HyperVVersion.V2016) : vm.Generation.Is(g => g == 2) ? ProfileCatalog.Get(HyperVVersion.V2012R2) : v2 ? ProfileCatalog.Get(HyperVVersion.V2012) : ProfileCatalog.Default);
                var session = new AuditSession(profile);
                session.AuditVirtualMachine(vm);
                if (context.Options.AnalyzerConfigOptionsProvider is IVirtualMachineCounter counter && vm.Name.IsKnown) counter.Audited(vm.Name.Value);
                foreach (Finding f in session.Complete())
                {
                    if (HvLintDescriptors.Find(f.RuleId) is DiagnosticDescriptor d && locations.TryGetValue(f.Location, out Location? l))
                    {
                        reports.Add(HvLintDescriptors.ToDiagnostic(f, d, l));
                    }
                }
            }

            foreach (Diagnostic d in reports) context.ReportDiagnostic(d);
        }

        private static string? SubTypeProblem(string subType, bool v1, bool v2)
        {
            MsvmResourceKind kind = MsvmResources.ClassifySubType(subType);
            bool isV1 = MsvmResources.IsV1SubType(subType);
            if (subType.StartsWith("Microsoft", StringComparison.Ordinal) && kind == MsvmResourceKind.Unknown && !KnownOtherSubType(subType)) return "'" + subType + "' is not a Hyper-V resource subtype";
            if (v2 && isV1) return "'" + subType + "' is the v1 spelling; root\\virtualization\\v2 uses 'Microsoft:Hyper-V:" + subType.Substring("Microsoft ".Length) + "'";
            if (v1 && !isV1 && subType.StartsWith("Microsoft:Hyper-V:", StringComparison.Ordinal)) return "'" + subType + "' is the v2 spelling; root\\virtualization uses 'Microsoft " + subType.Substring("Microsoft:Hyper-V:".Length) + "'";
            return null;
        }

        private static bool IsWmiObject(ITypeSymbol? type)
        {
            for (ITypeSymbol? t = type; t != null; t = t.BaseType)
            {
                if (t.Name is "ManagementBaseObject" or "ManagementObject" or "ManagementClass" or "CimInstance") return true;
            }

            // Unresolved types (code audited without its references): ask nothing more, the Msvm strings decide.
            return type == null || type.TypeKind == TypeKind.Error;
        }

        /// <summary>
        /// The Msvm_ class a variable holds, from "Msvm_..." in its declaration's initializer (a class path, or
        /// the FROM of a query), with the literal's location when it is inside the method being analysed.
        /// </summary>
        private static string? ClassOf(ISymbol symbol, SyntaxNode body, System.Threading.CancellationToken token, out Location? at)
        {
            at = null;
            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                SyntaxNode declaration = reference.GetSyntax(token);
                if (declaration is ForEachStatementSyntax loop) declaration = loop.Expression; // not the loop's body
                foreach (LiteralExpressionSyntax literal in declaration.DescendantNodes().OfType<LiteralExpressionSyntax>())
                {
                    string text = literal.Token.ValueText;
                    int i = text.IndexOf("Msvm_", StringComparison.Ordinal);
                    if (i < 0) continue;
                    int end = i;
                    while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
                    if (literal.SyntaxTree == body.SyntaxTree && body.FullSpan.Contains(literal.Span)) at = literal.GetLocation();
                    return text.Substring(i, end - i);
                }
            }

            return null;
        }

        /// <summary>Calls that hand settings to the virtualization provider: WMI/CIM methods, CIM instance creation, CIM method parameters.</summary>
        private static bool IsProviderCall(InvocationExpressionSyntax call)
        {
            string? name = call.Expression is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText : null;
            if (name is "InvokeMethod" or "InvokeMethodAsync" or "CreateInstance" or "CreateInstanceAsync" or "ModifyInstance" or "ModifyInstanceAsync") return call.ArgumentList.Arguments.Count > 0;
            // CimMethodParameter.Create("ResourceSettings", new[] { nic }, CimType.InstanceArray, CimFlags.In)
            return name == "Create" && call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "CimMethodParameter" } };
        }

        /// <summary>Symbols compare as symbols; locations of instances created in place compare as locations.</summary>
        private sealed class KeyComparer : IEqualityComparer<object>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public new bool Equals(object? x, object? y) => x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

            public int GetHashCode(object obj) => obj is ISymbol s ? SymbolEqualityComparer.Default.GetHashCode(s) : obj.GetHashCode();
        }

        private static bool KnownOtherSubType(string subType) =>
            subType.EndsWith(":Synthetic Mouse", StringComparison.Ordinal) || subType.EndsWith("Display Controller", StringComparison.Ordinal) || subType.EndsWith("Virtual Floppy Disk", StringComparison.Ordinal)
            || subType.EndsWith("Ethernet Connection", StringComparison.Ordinal) || subType.EndsWith("FibreChannel Port", StringComparison.Ordinal) || subType.EndsWith("Serial Port", StringComparison.Ordinal)
            || subType.EndsWith("Rdv Component", StringComparison.Ordinal) || subType.EndsWith("Virtual Machine Memory", StringComparison.Ordinal) || subType.EndsWith("Synthetic Diskette Drive", StringComparison.Ordinal)
            || subType.EndsWith("Virtual Diskette Controller", StringComparison.Ordinal);

        private static List<long>? Numbers(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token)
        {
            IEnumerable<ExpressionSyntax>? items = e switch
            {
                ArrayCreationExpressionSyntax a => a.Initializer?.Expressions,
                ImplicitArrayCreationExpressionSyntax i => i.Initializer.Expressions,
                CollectionExpressionSyntax c => c.Elements.OfType<ExpressionElementSyntax>().Select(x => x.Expression),
                _ => null,
            };
            if (items == null) return null;
            var list = new List<long>();
            foreach (ExpressionSyntax item in items)
            {
                if (!(model.GetConstantValue(item, token) is { HasValue: true } v) || CodeValue.Integer(v.Value) is not long n) return null;
                list.Add(n);
            }

            return list;
        }
    }
}
