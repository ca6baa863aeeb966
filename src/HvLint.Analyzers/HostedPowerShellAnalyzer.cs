using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HvLint.Engine;
using HvLint.Model;
using HvLint.Profiles;
using HvLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HvLint.Analyzers
{
    /// <summary>
    /// Hyper-V cmdlets run through hosted PowerShell (System.Management.Automation): AddCommand / AddParameter /
    /// AddArgument chains and script text given to AddScript. Each method is one provisioning sequence, with the
    /// commands of the helpers of the same file it calls read in their place: its
    /// commands build partial VM models (one per VM name) that run through the same engine as the CLI, so
    /// cross-fact rules work in code (Generation 2 + a legacy adapter is HV3003; a network-first Generation 1
    /// without a legacy adapter is HV3002; Set-VMProcessor -Count 8 on hyperv-2008r2 is HV1001).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HostedPowerShellAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] Needles = { "Command", "AddScript" };

        private static readonly HashSet<string> Methods = new HashSet<string>(StringComparer.Ordinal) { "AddCommand", "AddParameter", "AddParameters", "AddArgument", "AddScript", "AddStatement" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => HvLintDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                HashSet<string> sinks = AnalyzerSettings.ScriptSinks(start.Options);
                string[] builders = AnalyzerSettings.CommandBuilders(start.Options);
                if (sinks.Count == 0 && builders.Length == 0 && !AnalyzerSettings.MayUse(start.Compilation, start.Options, "System.Management.Automation.PowerShell", "System.Management.Automation.Runspaces.Command")) return;
                var scope = new CompilationScope(start.Compilation, start.Options, sinks, builders);
                start.RegisterCodeBlockAction(block => AnalyzeBlock(block, scope));
            });
        }

        /// <summary>What every method of one compilation is read against, resolved once per compilation.</summary>
        private sealed class CompilationScope
        {
            public CompilationScope(Compilation compilation, AnalyzerOptions options, HashSet<string> sinks, string[] builders)
            {
                // Code audited without its references has neither type: calls are then recognised by the receiver's name.
                PowerShell = compilation.GetTypeByMetadataName("System.Management.Automation.PowerShell");
                PSCommand = compilation.GetTypeByMetadataName("System.Management.Automation.PSCommand");
                Sinks = sinks;
                foreach (string builder in builders)
                {
                    // A builder that does not resolve (a short name, or code compiled without its references) is known by its name.
                    if (compilation.GetTypeByMetadataName(builder) is INamedTypeSymbol type) Builders.Add(type);
                    else BuilderNames.Add(AnalyzerSettings.SimpleName(builder));
                }

                Configured = AnalyzerSettings.Profile(options, out _);
                Files = VmFileFacts.For(compilation, options);
                Counter = options.AnalyzerConfigOptionsProvider as IVirtualMachineCounter;
                _additionalFiles = options.AdditionalFiles;
                _fileOptions = options.AnalyzerConfigOptionsProvider;
                KeepSuppressed = AnalyzerSettings.IsSet(options, AnalyzerSettings.KeepSuppressed);
            }

            /// <summary>The CLI's setting: findings an hvlint-disable comment covers are kept, for it to count them as suppressed.</summary>
            public bool KeepSuppressed { get; }

            private readonly ImmutableArray<AdditionalText> _additionalFiles;
            private readonly AnalyzerConfigOptionsProvider _fileOptions;

            // Script files code reads (File.ReadAllText), by the tail of the path it writes out, and what each reports on
            // its own: asked for by many methods at once, under concurrent execution.
            private readonly Dictionary<string, ImportedFile?> _scriptFiles = new Dictionary<string, ImportedFile?>(StringComparer.OrdinalIgnoreCase);
            private readonly Dictionary<string, List<Diagnostic>> _scriptFindings = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);

            /// <summary>
            /// The script among the AdditionalFiles whose path ends with <paramref name="tail"/> (Scripts/New-LabVM.ps1:
            /// the folders and name the code writes out, after what it computes, such as AppContext.BaseDirectory, where
            /// the project's own copy is copied to); null when no file or more than one does.
            /// </summary>
            public ImportedFile? ScriptFile(string tail, System.Threading.CancellationToken token)
            {
                lock (_scriptFiles)
                {
                    if (_scriptFiles.TryGetValue(tail, out ImportedFile? known)) return known;
                    AdditionalText? match = null;
                    foreach (AdditionalText f in _additionalFiles)
                    {
                        string path = PowerShellScriptFileAnalyzer.FullPath(f.Path);
                        if (!PowerShellScriptFileAnalyzer.IsScript(path) || !(path.EndsWith("/" + tail, StringComparison.OrdinalIgnoreCase) || string.Equals(path, tail, StringComparison.OrdinalIgnoreCase))) continue;
                        if (match != null) return _scriptFiles[tail] = null; // two such files: which one runs is not known
                        match = f;
                    }

                    return _scriptFiles[tail] = match?.GetText(token) is SourceText text ? new ImportedFile(match.Path, text) : null;
                }
            }

            /// <summary>
            /// The script embedded as the manifest resource <paramref name="resource"/>
            /// (GetManifestResourceStream("Contoso.Scripts.New-LabVM.ps1")): the AdditionalFile the build names that resource
            /// (the package's targets add a project's embedded scripts with their resource names), else, where no file is
            /// named (the CLI), the one whose path ends the name in the most parts (<see cref="ResourceMatch"/>); null when
            /// none or several do.
            /// </summary>
            public ImportedFile? ScriptResource(string resource, System.Threading.CancellationToken token)
            {
                lock (_scriptFiles)
                {
                    string key = "resource:" + resource;
                    if (_scriptFiles.TryGetValue(key, out ImportedFile? known)) return known;
                    AdditionalText? named = null, closest = null;
                    int most = 0;
                    bool tie = false;
                    foreach (AdditionalText f in _additionalFiles)
                    {
                        string path = PowerShellScriptFileAnalyzer.FullPath(f.Path);
                        if (!PowerShellScriptFileAnalyzer.IsScript(path)) continue;
                        if (_fileOptions.GetOptions(f).TryGetValue(ResourceNameMetadata, out string? name) && !string.IsNullOrEmpty(name))
                        {
                            if (!string.Equals(name, resource, StringComparison.Ordinal)) continue;
                            if (named != null) return _scriptFiles[key] = null;
                            named = f;
                            continue;
                        }

                        int parts = ResourceMatch(path, resource);
                        if (parts > most)
                        {
                            (closest, most, tie) = (f, parts, false);
                        }
                        else if (parts == most && parts > 0)
                        {
                            tie = true;
                        }
                    }

                    AdditionalText? match = named ?? (tie ? null : closest);
                    return _scriptFiles[key] = match?.GetText(token) is SourceText text ? new ImportedFile(match.Path, text) : null;
                }
            }

            /// <summary>What a script file reports on its own (the script analyzer's findings, parameters unknown), found once.</summary>
            public List<Diagnostic> ScriptFindings(ImportedFile file, System.Threading.CancellationToken token)
            {
                lock (_scriptFindings)
                {
                    if (_scriptFindings.TryGetValue(file.Path, out List<Diagnostic>? known)) return known;
                    Func<string, ImportedFile?> imported = PowerShellScriptFileAnalyzer.ImportedFrom(_additionalFiles, token);
                    return _scriptFindings[file.Path] = PowerShellScriptFileAnalyzer.Analyze(file.Path, file.Source, Configured, Files, token, imported, listed: PowerShellScriptFileAnalyzer.ListedFrom(_additionalFiles, imported));
                }
            }

            /// <summary>The CLI's count of the VMs code creates or changes; null in a build.</summary>
            public IVirtualMachineCounter? Counter { get; }

            public INamedTypeSymbol? PowerShell { get; }

            /// <summary>PowerShell.Commands and Pipeline.Commands: the same fluent AddCommand/AddParameter/AddStatement methods.</summary>
            public INamedTypeSymbol? PSCommand { get; }

            /// <summary>The user's own methods that take script text (hvlint.script_sinks).</summary>
            public HashSet<string> Sinks { get; }

            /// <summary>The user's own command builders (hvlint.command_builders) that resolve in this compilation.</summary>
            public List<INamedTypeSymbol> Builders { get; } = new List<INamedTypeSymbol>();

            /// <summary>The names of those that do not resolve.</summary>
            public HashSet<string> BuilderNames { get; } = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>Whether a type builds commands: PowerShell, PSCommand, or a configured builder.</summary>
            public bool BuildsCommands(ITypeSymbol type)
            {
                if (PowerShell != null && (SymbolEqualityComparer.Default.Equals(type, PowerShell) || SymbolEqualityComparer.Default.Equals(type, PSCommand))) return true;
                if (PowerShell == null && (type.Name == "PowerShell" || type.Name == "PSCommand")) return true;
                foreach (INamedTypeSymbol builder in Builders)
                {
                    if (SymbolEqualityComparer.Default.Equals(type, builder)) return true;
                }

                return BuilderNames.Contains(type.Name);
            }

            public HyperVProfile? Configured { get; }

            public VmFileFacts Files { get; }

            private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, List<Diagnostic>> _alone = new System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, List<Diagnostic>>();

            /// <summary>What a helper method finds on its own (<paramref name="analyze"/>), found once however many methods call it.</summary>
            public List<Diagnostic> Alone(SyntaxNode helper, Func<List<Diagnostic>> analyze) => _alone.GetValue(helper, _ => analyze());

            // Read from each file as its methods are analyzed, never from every file of the compilation: an IDE would
            // have to parse again the files it keeps only as text.
            private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, FileScope> _files = new System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, FileScope>();

            public FileScope For(SyntaxTree tree) => _files.GetValue(tree, t => new FileScope(t, Sinks));
        }

        /// <summary>What a file adds: its using aliases of Command and CommandParameter, and so the names that make a method worth walking.</summary>
        private sealed class FileScope
        {
            public FileScope(SyntaxTree tree, HashSet<string> sinks)
            {
                Aliases = TypeAliases(tree);
                Mentions = new List<string>(sinks);
                Mentions.AddRange(Aliases.Keys); // a method may name Command only through its alias
            }

            /// <summary>Using aliases of Command and CommandParameter in the file, by alias.</summary>
            public Dictionary<string, string> Aliases { get; }

            /// <summary>Names besides <see cref="Needles"/> that make a method worth walking.</summary>
            public List<string> Mentions { get; }

            private HashSet<string>? _helpers;
            private HashSet<string> _typeNames = new HashSet<string>(StringComparer.Ordinal);
            private readonly object _helpersGate = new object();

            /// <summary>
            /// The names a static helper of this file can be called through (VmHelpers.CreateVm(ps)): the file's type
            /// declarations and using aliases. Known once <see cref="Helpers"/> has been asked.
            /// </summary>
            public HashSet<string> TypeNames => _typeNames;

            /// <summary>
            /// The names of the file's methods that add commands or script text themselves: a method that calls one of them
            /// is read with the helper's commands in the place of the call. Found once per file, and only in a file that
            /// mentions the APIs at all.
            /// </summary>
            public HashSet<string> Helpers(SyntaxTree tree, System.Threading.CancellationToken token)
            {
                lock (_helpersGate)
                {
                    if (_helpers != null) return _helpers;
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    var types = new HashSet<string>(StringComparer.Ordinal);
                    SyntaxNode root = tree.GetRoot(token);
                    if (SourceScan.Mentions(root, StringComparison.Ordinal, Needles, Mentions, token))
                    {
                        var others = new List<MethodDeclarationSyntax>();
                        foreach (SyntaxNode n in root.DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax || n is TypeDeclarationSyntax))
                        {
                            if (n is BaseTypeDeclarationSyntax type) types.Add(type.Identifier.ValueText);
                            else if (n is UsingDirectiveSyntax { Alias: { } alias }) types.Add(alias.Name.Identifier.ValueText);
                            if (!(n is MethodDeclarationSyntax method) || !(((SyntaxNode?)method.Body ?? method.ExpressionBody) is SyntaxNode helperBody)) continue;
                            if (SourceScan.Mentions(helperBody, StringComparison.Ordinal, Needles, Mentions, token)) names.Add(method.Identifier.ValueText);
                            else others.Add(method);
                        }

                        // A method that only calls helpers (Web(ps) => SetCpus(ps, "web01", 8)) is one too, as deep as calls are read.
                        for (int depth = 1; depth < MaxHelperDepth && others.Count > 0; depth++)
                        {
                            List<MethodDeclarationSyntax> callers = others.Where(m => SourceScan.Mentions((SyntaxNode?)m.Body ?? m.ExpressionBody!, StringComparison.Ordinal, Array.Empty<string>(), names, token)).ToList();
                            if (callers.Count == 0) break;
                            foreach (MethodDeclarationSyntax m in callers)
                            {
                                names.Add(m.Identifier.ValueText);
                                others.Remove(m);
                            }
                        }
                    }

                    _typeNames = types;
                    return _helpers = names;
                }
            }
        }

        private static void AnalyzeBlock(CodeBlockAnalysisContext context, CompilationScope scope)
        {
            List<Diagnostic>? found = Analyze(context.CodeBlock, context.SemanticModel, scope, context.CancellationToken);
            foreach (Diagnostic d in found ?? Enumerable.Empty<Diagnostic>()) context.ReportDiagnostic(d);
        }

        /// <summary>What one method's provisioning code gives: its findings, or null.</summary>
        /// <param name="alone">Read as a helper on its own, to tell its callers which of its findings it reports itself.</param>
        private static List<Diagnostic>? Analyze(SyntaxNode body, SemanticModel semanticModel, CompilationScope scope, System.Threading.CancellationToken cancellation, bool alone = false)
        {
            List<Diagnostic>? found = null;
            HashSet<string> sinks = scope.Sinks;
            FileScope file = scope.For(body.SyntaxTree);
            Dictionary<string, string> aliases = file.Aliases;

            // A method adds commands or script text only through a name that contains "Command" (AddCommand, new
            // Command(...)), AddScript, a configured sink or an alias of Command; one that names none of them is not walked.
            // A method that calls a helper of the same file (CreateVm(ps, name)) is walked too.
            // Found once per file (FileScope keeps them); the calls below are searched for by their names too.
            HashSet<string> helpers = file.Helpers(body.SyntaxTree, cancellation);
            if (!SourceScan.Mentions(body, StringComparison.Ordinal, Needles, file.Mentions, cancellation)
                && (helpers.Count == 0 || !SourceScan.Mentions(body, StringComparison.Ordinal, Array.Empty<string>(), helpers, cancellation))) return found;

            // The calls that may add commands or script text (a method that only names them, in a comment or another
            // call, ends here), and whether Command objects are created (finding those asks the semantic model about every
            // object created, so it is done only where `new Command(...)`, an alias of it or a target-typed `new(...)` is
            // written). Both are found from where their names are written, not by visiting every node of the method.
            List<InvocationExpressionSyntax>? invocations = null;
            Dictionary<InvocationExpressionSyntax, (IMethodSymbol Method, MethodDeclarationSyntax Declaration, SyntaxNode Body)>? helperCalls = null;

            // A call to read, here or in a helper: the API's methods, a configured sink, or a helper of this file (noted
            // in helperCalls with what it is bound to).
            bool Reads(InvocationExpressionSyntax call)
            {
                string? called = CalledName(call);
                if (called == null) return false;
                if (Methods.Contains(called) || sinks.Contains(called)) return true;
                if (!helpers.Contains(called) || !MayCallHelper(call, file.TypeNames)
                    || !(HelperOf(semanticModel, call, cancellation) is { } helper) || helper.Declaration.Span.Contains(body.Span)) return false;
                (helperCalls ??= new Dictionary<InvocationExpressionSyntax, (IMethodSymbol, MethodDeclarationSyntax, SyntaxNode)>())[call] = helper;
                return true;
            }

            bool commandObjects = false;
            foreach (SyntaxNode node in Candidates(body, sinks, helpers))
            {
                if (node is InvocationExpressionSyntax invocation)
                {
                    if (Reads(invocation)) (invocations ??= new List<InvocationExpressionSyntax>()).Add(invocation);
                }
                else if (node is ImplicitObjectCreationExpressionSyntax || (node is ObjectCreationExpressionSyntax { Type: var type } && TypeName(type, aliases) == "Command"))
                {
                    commandObjects = true;
                }
            }

            if (invocations == null && !commandObjects) return found;
            invocations ??= new List<InvocationExpressionSyntax>();
            var commands = new List<CommandCall>();
            var scripts = new ScriptText { FileNamed = tail => scope.ScriptFile(tail, cancellation), ResourceNamed = resource => scope.ScriptResource(resource, cancellation) };
            int addScripts = 0;
            foreach (InvocationExpressionSyntax invocation in invocations)
            {
                if (CalledName(invocation) == "AddScript") addScripts++;
            }

            scripts.Several = addScripts > 1 || helperCalls != null; // a helper may add a script too
            invocations.Sort((a, b) => InnermostStart(a).CompareTo(InnermostStart(b)));

            // Calls found to be PowerShell's: the next link of a fluent chain on one of them is PowerShell's too
            // (its Add* methods return the same object), so a chain asks the semantic model once, not per link.
            var powerShellCalls = new HashSet<InvocationExpressionSyntax>();

            // So is a call on a receiver named as one found to be PowerShell's (ps.AddCommand(...); ps.AddScript(...)), within
            // the span where that name means one thing (OneMeaning): a method of statements on one PowerShell asks once.
            // The spans are boxed: a dictionary of Roslyn's struct is CoreLib code no image holds, JIT-compiled in every
            // compiler process (bench/README.md).
            Dictionary<string, object>? powerShellNames = null;
            void Read(InvocationExpressionSyntax call, LoopItem? loop)
            {
                if (helperCalls != null && helperCalls.TryGetValue(call, out (IMethodSymbol, MethodDeclarationSyntax, SyntaxNode) helper))
                {
                    Inline(call, helper, loop);
                    return;
                }

                // A method of the user's own that runs script text (hvlint.script_sinks in .editorconfig).
                string? called = CalledName(call);
                if (called != null && sinks.Contains(called) && call.ArgumentList.Arguments.Count > 0)
                {
                    ExpressionSyntax script = call.ArgumentList.Arguments[0].Expression;
                    scripts.Flush(commands);
                    if (ScriptTextOf(semanticModel, script, cancellation, loop, out List<KeyValuePair<string, CodeValue>>? holes) is string text)
                    {
                        scripts.Read(script, text, commands, holes);
                    }

                    return;
                }

                if (!(call.Expression is MemberAccessExpressionSyntax member) || !Methods.Contains(member.Name.Identifier.ValueText)) return;
                IdentifierNameSyntax? receiver = member.Expression as IdentifierNameSyntax;
                if (!(member.Expression is InvocationExpressionSyntax previous && powerShellCalls.Contains(previous))
                    && !(receiver != null && powerShellNames != null && powerShellNames.TryGetValue(receiver.Identifier.ValueText, out object? meaning) && ((TextSpan)meaning).Contains(call.Span)))
                {
                    if (!IsPowerShell(semanticModel, call, member, scope, cancellation)) return;
                    if (receiver != null && OneMeaning(body, receiver.Identifier.ValueText) is TextSpan same && same.Contains(call.Span))
                    {
                        (powerShellNames ??= new Dictionary<string, object>())[receiver.Identifier.ValueText] = same;
                    }
                }

                powerShellCalls.Add(call);
                Collect(semanticModel, call, member.Name.Identifier.ValueText, commands, scripts, cancellation, loop);
            }

            // foreach (var name in new[] { "web01", "web02" }) { ... } and for (int i = 1; i <= 3; i++) { ... }: a loop's calls
            // once for each item the code lists or counts, with the loop's variable holding it, and so for loops inside
            // it; any other loop, once with its variable unknown.
            int runs = PowerShellScript.MaxLoopRuns;
            Dictionary<StatementSyntax, (ILocalSymbol Variable, List<object> Items)?>? listed = null; // a loop inside a replayed one is judged once
            void ReadLoops(List<InvocationExpressionSyntax> calls, int from, int to, SyntaxNode scope, LoopItem? bound)
            {
                for (int k = from; k < to; k++)
                {
                    StatementSyntax? loop = OutermostLoop(calls[k], scope);
                    if (loop == null)
                    {
                        Read(calls[k], bound);
                        continue;
                    }

                    int end = k;
                    while (end < to && LoopBody(loop).Span.Contains(calls[end].Span)) end++;
                    listed ??= new Dictionary<StatementSyntax, (ILocalSymbol Variable, List<object> Items)?>();
                    if (!listed.TryGetValue(loop, out (ILocalSymbol Variable, List<object> Items)? judged)) listed[loop] = judged = ListedLoop(semanticModel, loop, cancellation);
                    if (judged is (ILocalSymbol variable, List<object> items) && runs >= items.Count)
                    {
                        runs -= items.Count;
                        foreach (object item in items) ReadLoops(calls, k, end, loop, new LoopItem(variable, item, bound));
                    }
                    else
                    {
                        ReadLoops(calls, k, end, loop, bound);
                    }

                    k = end - 1;
                }
            }

            // A helper of the same file (a method whose own body adds commands), called from here: its calls are read in the
            // place of the call, each parameter holding what the call gives it, up to MaxHelperDepth helpers deep.
            var inlining = new List<MethodDeclarationSyntax>();
            int helperReads = MaxHelperReads;
            List<(SyntaxNode Helper, InvocationExpressionSyntax Call)>? inlined = null;
            List<(int First, int End, InvocationExpressionSyntax Call)>? calls = null; // the commands each call in this method gave
            void Inline(InvocationExpressionSyntax call, (IMethodSymbol Method, MethodDeclarationSyntax Declaration, SyntaxNode Body) helper, LoopItem? loop)
            {
                (IMethodSymbol method, MethodDeclarationSyntax declaration, SyntaxNode helperBody) = helper;
                if (inlining.Count >= MaxHelperDepth || helperReads == 0 || declaration.Span.Contains(body.Span) || inlining.Contains(declaration)) return; // no recursion
                helperReads--;
                LoopItem? frame = Bindings(semanticModel, call, method, declaration, loop, cancellation);
                var read = new List<InvocationExpressionSyntax>();
                foreach (SyntaxNode node in helperBody.DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax inner && Reads(inner)) read.Add(inner);
                }

                read.Sort((a, b) => InnermostStart(a).CompareTo(InnermostStart(b)));
                // The call a finding is reported at is the one in this method, however deep the helper.
                InvocationExpressionSyntax outermost = inlining.Count == 0 ? call : inlined?.LastOrDefault(i => i.Helper.Span.Contains(call.Span)).Call ?? call;
                (inlined ??= new List<(SyntaxNode, InvocationExpressionSyntax)>()).Add((declaration, outermost)); // as its own code block is analysed
                scripts.Flush(commands);
                int first = commands.Count;
                inlining.Add(declaration);
                ReadLoops(read, 0, read.Count, helperBody, frame);
                scripts.Flush(commands); // a script the helper added is the helper's
                inlining.RemoveAt(inlining.Count - 1);
                if (inlining.Count == 0) (calls ??= new List<(int, int, InvocationExpressionSyntax)>()).Add((first, commands.Count, call));
            }

            // A finding inside a helper is reported at the call in this method (the call whose commands gave its facts, or
            // the one call of that helper), the helper's line beside it, unless the helper reports the same rule there on
            // its own (a value it writes itself): only what this method's own values make of the helper's code is new here.
            void Report(Diagnostic d, int call)
            {
                TextSpan at = d.Location.SourceSpan;
                if (inlined == null || d.Location.SourceTree != body.SyntaxTree || body.Span.Contains(at))
                {
                    (found ??= new List<Diagnostic>()).Add(d);
                    return;
                }

                SyntaxNode? helper = null;
                InvocationExpressionSyntax? by = call > 0 && calls != null && call <= calls.Count ? calls[call - 1].Call : null;
                foreach ((SyntaxNode Helper, InvocationExpressionSyntax Call) i in inlined)
                {
                    if (!i.Helper.Span.Contains(at)) continue;
                    helper = i.Helper;
                    if (call > 0) continue;
                    if (by != null && by != i.Call) return; // read for two calls, and not known for which
                    by = i.Call;
                }

                if (helper == null || by == null) return;
                string message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                // The same rule at the same place in the helper on its own is the same problem, named there for any VM.
                if (!alone && scope.Alone(helper, () => Analyze(helper, semanticModel, scope, cancellation, alone: true) ?? new List<Diagnostic>())
                    .Any(h => h.Id == d.Id && h.Location.SourceSpan == at)) return;
                Location site = by.GetLocation();
                if (found != null && found.Any(f => f.Id == d.Id && f.Location.SourceSpan == site.SourceSpan && f.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == message)) return;
                (found ??= new List<Diagnostic>()).Add(Diagnostic.Create(d.Descriptor, site, d.Severity, new[] { d.Location }, null, message));
            }

            ReadLoops(invocations, 0, invocations.Count, body, null);
            scripts.Flush(commands);

            if (commandObjects) CollectCommandObjects(semanticModel, body, aliases, commands, cancellation);
            if (commands.Count == 0) return found;
            var model = new ProvisioningModel(body.SyntaxTree.FilePath);
            int[]? callOf = null; // commands a call of a helper gave are that call's (ProvisioningModel.Call)
            for (int j = 0; calls != null && j < calls.Count; j++)
            {
                for (int k = calls[j].First; k < calls[j].End; k++) (callOf ??= new int[commands.Count])[k] = j + 1;
            }

            for (int k = 0; k < commands.Count; k++)
            {
                model.Call = callOf == null ? 0 : callOf[k];
                model.Apply(commands[k]);
            }

            model.Call = 0;
            foreach (ApiProblem problem in model.ApiProblems)
            {
                ImmutableDictionary<string, string?> properties = problem.RuleId == RuleIds.FirmwareCmdletForOtherGeneration ? GenerationTwo(problem.NewVm, body, scripts) : ImmutableDictionary<string, string?>.Empty;
                Report(Diagnostic.Create(HvLintDescriptors.Find(problem.RuleId)!, problem.At, properties, problem.Message), 0);
            }

            if (model.VirtualMachines.Count == 0) return found;
            IReadOnlyList<Finding> findings = model.Audit(scope.Configured, scope.Files, alone ? null : scope.Counter);

            foreach (Finding f in findings)
            {
                DiagnosticDescriptor? descriptor = HvLintDescriptors.Find(f.RuleId);
                if (descriptor == null || !model.Locations.TryGetValue(f.Location, out Location? at)) continue;
                var extra = new List<KeyValuePair<string, string>>();
                if (at.IsInSource && scripts.Contains(at.SourceSpan))
                {
                    // In script text: a fix that adds a statement goes where the finding's statement ends.
                    extra.Add(HvLintDescriptors.InScript);
                    if (scripts.StatementEnd(at.SourceSpan.Start) is int end) extra.Add(new KeyValuePair<string, string>(HvLintDescriptors.StatementEnd, end.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                // Code read for several VMs (a loop, -VMName web01, web02): whether the rule finds the same for all of them.
                int vms = model.VmsAt(f.Location);
                if (vms > 1) extra.Add(new KeyValuePair<string, string>(HvLintDescriptors.SeveralVms, TimesFound(findings, f.RuleId, f.Location) >= vms ? "all" : "some"));
                if (f.Properties.TryGetValue("vm", out string? vmName) && model.NamedBySymbol(vmName)) extra.Add(HvLintDescriptors.VmNamedBySymbol);
                Report(HvLintDescriptors.ToDiagnostic(f, descriptor, at, extra: extra), model.CallOf(f.Location));
            }

            // A finding in a script file the code reads is that file's: its hvlint-disable comments apply, and one the file
            // reports on its own (its parameters unknown) is reported there once, by the script analyzer; what the code's
            // values make of the script is new here.
            if (found != null && scripts.Files != null)
            {
                foreach (ImportedFile script in scripts.Files)
                {
                    List<(string RuleId, int Start, int End)> disabled = scope.KeepSuppressed ? new List<(string, int, int)>() : PowerShellScriptFileAnalyzer.Directives(script.Text).Select(r => (r.RuleId, r.Start, r.End)).ToList();
                    List<Diagnostic>? own = null;
                    found.RemoveAll(d =>
                    {
                        if (d.Location.IsInSource || d.Location.GetLineSpan().Path != script.Path) return false;
                        int at = d.Location.SourceSpan.Start;
                        if (disabled.Exists(r => r.RuleId == d.Id && (r.Start < 0 || (at >= r.Start && at < r.End)))) return true;
                        string message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                        own ??= scope.ScriptFindings(script, cancellation);
                        return own.Exists(o => o.Id == d.Id && o.Location.SourceSpan == d.Location.SourceSpan && o.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == message);
                    });
                }
            }

            return found;
        }

        /// <summary>How many helpers deep a method's calls are read (a helper that calls a helper that calls a helper).</summary>
        private const int MaxHelperDepth = 3;

        /// <summary>
        /// How many helper calls one method reads in all, so that helpers that call several helpers each cannot make a
        /// method cost thousands of reads; calls past it are not read, as no helper call was before helpers were read.
        /// </summary>
        private const int MaxHelperReads = 64;

        /// <summary>
        /// A call that may be of a helper: CreateVm(ps, name), this.CreateVm(ps, name), or VmHelpers.CreateVm(ps, name) (a
        /// static method, which <see cref="HelperOf"/> checks once the call is bound) through a type this file declares
        /// (<paramref name="typeNames"/>); never nameof(x). PowerShell.Create() in a file with a helper named Create is
        /// not bound to find that out: binding is most of what a call costs to read.
        /// </summary>
        private static bool MayCallHelper(InvocationExpressionSyntax call, HashSet<string> typeNames) =>
            call.Expression switch
            {
                IdentifierNameSyntax id => id.Identifier.ValueText != "nameof",
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } => true,
                MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax type } => typeNames.Contains(type.Identifier.ValueText),
                MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax qualified } => typeNames.Contains(qualified.Name.Identifier.ValueText),
                _ => false,
            };

        /// <summary>
        /// The helper a call is of: a method declared with a body in the same file, called on this object or static (an
        /// instance method of another object reads that object's fields, not the ones this method's "this" holds); null
        /// for any other call. Code audited without its references binds the call to its one candidate.
        /// </summary>
        private static (IMethodSymbol Method, MethodDeclarationSyntax Declaration, SyntaxNode Body)? HelperOf(SemanticModel model, InvocationExpressionSyntax call, System.Threading.CancellationToken token)
        {
            SymbolInfo info = model.GetSymbolInfo(call, token);
            if (!((info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null)) is IMethodSymbol method) || method.DeclaringSyntaxReferences.Length != 1) return null;
            if (!(method.IsStatic || call.Expression is IdentifierNameSyntax || call.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })) return null;
            if (!(method.DeclaringSyntaxReferences[0].GetSyntax(token) is MethodDeclarationSyntax declaration) || declaration.SyntaxTree != call.SyntaxTree) return null;
            return ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is SyntaxNode body ? (method, declaration, body) : ((IMethodSymbol, MethodDeclarationSyntax, SyntaxNode)?)null;
        }

        /// <summary>
        /// What each parameter of a helper holds for one call (<paramref name="call"/>): the constant or symbol the caller
        /// gives it (<see cref="BoundValue"/>), its default when the call leaves it out, and nothing known for a ref, out or
        /// params parameter or one the helper writes.
        /// </summary>
        private static LoopItem? Bindings(SemanticModel model, InvocationExpressionSyntax call, IMethodSymbol method, MethodDeclarationSyntax declaration, LoopItem? loop, System.Threading.CancellationToken token)
        {
            SeparatedSyntaxList<ArgumentSyntax> args = call.ArgumentList.Arguments;
            LoopItem? frame = null;
            for (int i = 0; i < method.Parameters.Length; i++)
            {
                IParameterSymbol parameter = method.Parameters[i];
                ArgumentSyntax? given = null;
                for (int a = 0; a < args.Count; a++)
                {
                    if (args[a].NameColon is { } named ? named.Name.Identifier.ValueText == parameter.Name : a == i && args.Take(a).All(x => x.NameColon == null)) given = args[a];
                }

                object item;
                if (parameter.RefKind != RefKind.None || parameter.IsParams || Written(model, declaration, parameter.Name, parameter, token)) item = new BoundValue(null);
                else if (given == null) item = parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is object byDefault ? byDefault : new BoundValue(null);
                else if (!given.RefKindKeyword.IsKind(SyntaxKind.None)) item = new BoundValue(null);
                else item = ConstantOrSingleAssignment(model, given.Expression, token, loop) ?? new BoundValue(SymbolPath(model, given.Expression, token, loop));
                frame = new LoopItem(parameter, item, frame);
            }

            return frame;
        }

        private static int TimesFound(IReadOnlyList<Finding> findings, string ruleId, SourceLocation at)
        {
            int n = 0;
            foreach (Finding f in findings)
            {
                if (f.RuleId == ruleId && f.Location.Equals(at)) n++;
            }

            return n;
        }

        /// <summary>
        /// For HV8004's fix: where to give New-VM -Generation 2 and how, in script text (after the command's name) or in
        /// a chain (after the AddCommand("New-VM") call); nothing for a Command object or a New-VM out of view.
        /// </summary>
        private static ImmutableDictionary<string, string?> GenerationTwo(Location? newVm, SyntaxNode body, ScriptText scripts)
        {
            if (newVm == null || !newVm.IsInSource || newVm.SourceTree != body.SyntaxTree || !body.Span.Contains(newVm.SourceSpan)) return ImmutableDictionary<string, string?>.Empty;
            int at;
            string text;
            if (scripts.Contains(newVm.SourceSpan))
            {
                at = newVm.SourceSpan.End;
                text = " -Generation 2";
            }
            else if (body.FindNode(newVm.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddCommand" } } call)
            {
                at = call.Span.End;
                text = ".AddParameter(\"Generation\", 2)";
            }
            else
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            return ImmutableDictionary<string, string?>.Empty
                .Add(HvLintDescriptors.InsertAt, at.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add(HvLintDescriptors.InsertText, text);
        }

        /// <summary>
        /// Command objects: new Command("New-VM"), then command.Parameters.Add("Generation", 2) or
        /// Parameters.Add(new CommandParameter("Generation", 2)). Commands are added in the order they are created.
        /// </summary>
        private static void CollectCommandObjects(SemanticModel model, SyntaxNode body, Dictionary<string, string> aliases, List<CommandCall> commands, System.Threading.CancellationToken token)
        {
            var bySymbol = new Dictionary<ISymbol, CommandCall>(SymbolEqualityComparer.Default);
            var created = new List<(int Position, CommandCall Call)>();
            foreach (SyntaxNode node in body.DescendantNodes())
            {
                if (node is BaseObjectCreationExpressionSyntax creation && IsNamed(model, creation, "Command", aliases, token) && creation.ArgumentList?.Arguments.Count > 0
                    && Constant(model, creation.ArgumentList.Arguments[0].Expression, token) is { HasValue: true, Value: string name }
                    && creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                    && model.GetDeclaredSymbol(declarator, token) is ISymbol variable)
                {
                    var call = new CommandCall(name, creation.ArgumentList.Arguments[0].GetLocation());
                    bySymbol[variable] = call;
                    created.Add((creation.SpanStart, call));
                }
                else if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Parameters" } parameters } } add
                    && model.GetSymbolInfo(parameters.Expression, token).Symbol is ISymbol owner && bySymbol.TryGetValue(owner, out CommandCall? target))
                {
                    SeparatedSyntaxList<ArgumentSyntax> args = add.ArgumentList.Arguments;
                    ExpressionSyntax? nameExpression = null, valueExpression = null;
                    if (args.Count >= 1 && args[0].Expression is ObjectCreationExpressionSyntax parameter && IsNamed(model, parameter, "CommandParameter", aliases, token) && parameter.ArgumentList?.Arguments.Count > 0)
                    {
                        nameExpression = parameter.ArgumentList.Arguments[0].Expression;
                        valueExpression = parameter.ArgumentList.Arguments.Count > 1 ? parameter.ArgumentList.Arguments[1].Expression : null;
                    }
                    else if (args.Count >= 1)
                    {
                        nameExpression = args[0].Expression;
                        valueExpression = args.Count > 1 ? args[1].Expression : null;
                    }

                    if (nameExpression != null && Constant(model, nameExpression, token) is { HasValue: true, Value: string parameterName })
                    {
                        CodeValue value = valueExpression != null ? Value(model, valueExpression, token) : new CodeValue(true, true, nameExpression.GetLocation());
                        target.Named.Add(new KeyValuePair<string, CodeValue>(parameterName, value));
                    }
                    else
                    {
                        // A parameter named at run time (a CommandParameter from data, a loop over settings) may be any one.
                        target.Splatted = true;
                    }
                }
            }

            if (created.Count == 0) return;
            // Command objects run after whatever the fluent API of the same method added before them.
            foreach (var c in created.OrderBy(x => x.Position)) commands.Add(c.Call);
        }

        private static bool IsNamed(SemanticModel model, BaseObjectCreationExpressionSyntax creation, string name, Dictionary<string, string> aliases, System.Threading.CancellationToken token)
        {
            ITypeSymbol? type = model.GetTypeInfo(creation, token).Type;
            if (type != null && type.TypeKind != TypeKind.Error) return type.Name == name;

            // Unresolved: the type as written, or for `Command c = new(...)` the variable's declared type.
            TypeSyntax? written = creation is ObjectCreationExpressionSyntax explicitType ? explicitType.Type
                : creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } ? declaration.Type : null;
            return written != null && TypeName(written, aliases) == name;
        }

        /// <summary>The type a name written in code stands for, by its rightmost name: an alias of Command is Command.</summary>
        private static string? TypeName(TypeSyntax type, Dictionary<string, string> aliases)
        {
            string? name = RightmostName(type);
            return name != null && aliases.TryGetValue(name, out string? target) ? target : name;
        }

        /// <summary>
        /// Using aliases for Command and CommandParameter in a file (at its top, global ones included, and in its
        /// namespaces). A global alias declared in another file is not seen: reading it would mean reading every file.
        /// </summary>
        private static Dictionary<string, string> TypeAliases(SyntaxTree tree)
        {
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            void Read(SyntaxList<UsingDirectiveSyntax> usings)
            {
                foreach (UsingDirectiveSyntax u in usings)
                {
                    if (u.Alias != null && u.NamespaceOrType is NameSyntax target && RightmostName(target) is string name && (name == "Command" || name == "CommandParameter"))
                    {
                        aliases[u.Alias.Name.Identifier.ValueText] = name;
                    }
                }
            }

            void ReadMembers(SyntaxList<MemberDeclarationSyntax> members)
            {
                foreach (MemberDeclarationSyntax member in members)
                {
                    if (!(member is BaseNamespaceDeclarationSyntax ns)) continue;
                    Read(ns.Usings);
                    ReadMembers(ns.Members);
                }
            }

            // The tree whose method is being analyzed: its root is in memory already.
            if (tree.GetRoot() is CompilationUnitSyntax unit)
            {
                Read(unit.Usings);
                ReadMembers(unit.Members);
            }

            return aliases;
        }

        /// <summary>
        /// The nodes of a method that the reading starts from: the calls of the names it reads, and the objects created.
        /// They are found from where those names and `new` are written in the text, each by its token, so the method's
        /// other syntax nodes are never made (making them was most of the cost of visiting every node). In a file whose
        /// text may spell a name another way (escapes), every node is returned.
        /// </summary>
        private static IEnumerable<SyntaxNode> Candidates(SyntaxNode body, HashSet<string> sinks, HashSet<string> helpers)
        {
            string? text = SourceScan.PlainText(body);
            if (text == null) return body.DescendantNodes();
            var found = new List<SyntaxNode>();
            var seen = new HashSet<SyntaxNode>();
            int start = body.SpanStart, end = body.Span.End;
            int Next(string name, int from) => from < end ? text.IndexOf(name, from, end - from, StringComparison.Ordinal) : -1;
            void Find(string name)
            {
                for (int at = Next(name, start); at >= 0; at = Next(name, at + name.Length))
                {
                    SyntaxToken token = body.FindToken(at);
                    if (token.ValueText != name || !token.Span.Contains(at)) continue;
                    SyntaxNode? node = token.Parent;
                    if (name == "new")
                    {
                        if ((node is ObjectCreationExpressionSyntax || node is ImplicitObjectCreationExpressionSyntax) && seen.Add(node)) found.Add(node);
                        continue;
                    }

                    // The name of a call: M(...), x.M(...), x?.M(...) is not read, as before (a conditional access is no chain).
                    if (node is SimpleNameSyntax id && (id is IdentifierNameSyntax && id.Parent is InvocationExpressionSyntax direct && direct.Expression == id ? direct
                        : id.Parent is MemberAccessExpressionSyntax member && member.Name == id && member.Parent is InvocationExpressionSyntax viaMember && viaMember.Expression == member ? viaMember : null) is InvocationExpressionSyntax call
                        && seen.Add(call))
                    {
                        found.Add(call);
                    }
                }
            }

            foreach (string m in Methods) Find(m);
            foreach (string m in sinks) Find(m);
            foreach (string m in helpers) Find(m);
            Find("new");
            return found;
        }

        private static string? CalledName(InvocationExpressionSyntax call) =>
            call.Expression is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText : call.Expression is IdentifierNameSyntax id ? id.Identifier.ValueText : null;

        private static string? RightmostName(TypeSyntax type) =>
            type is SimpleNameSyntax simple ? simple.Identifier.ValueText : type is QualifiedNameSyntax q ? q.Right.Identifier.ValueText : type is AliasQualifiedNameSyntax a ? a.Name.Identifier.ValueText : null;

        /// <summary>Orders a fluent chain's calls as they run: a.AddCommand(x).AddParameter(y) runs AddCommand first.</summary>
        private static int InnermostStart(InvocationExpressionSyntax call) =>
            call.Expression is MemberAccessExpressionSyntax m ? m.Name.SpanStart : call.SpanStart;

        /// <summary>
        /// The span of <paramref name="body"/> in which the simple name <paramref name="name"/> means one thing, found from
        /// where the name is written: the whole block when the block declares no such name (a field, a property, a parameter
        /// outside it), else the scope of its one declaration (a local's block or statement, a parameter's method, local
        /// function or lambda, a foreach's, a catch's). Null when the block declares it more than once, or where the scope is
        /// not read here (a pattern's or an out variable's, a query's, a tuple's), or the file has escapes.
        /// </summary>
        private static TextSpan? OneMeaning(SyntaxNode body, string name)
        {
            string? text = SourceScan.PlainText(body);
            if (text == null) return null;
            TextSpan scope = body.Span;
            bool declared = false;
            int end = body.Span.End;
            for (int at = text.IndexOf(name, body.SpanStart, end - body.SpanStart, StringComparison.Ordinal); at >= 0;
                at = at + name.Length < end ? text.IndexOf(name, at + name.Length, end - at - name.Length, StringComparison.Ordinal) : -1)
            {
                SyntaxToken token = body.FindToken(at);
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name || !token.Span.Contains(at) || token.Parent is IdentifierNameSyntax) continue;
                if (declared) return null;
                declared = true;
                SyntaxNode? owner = token.Parent switch
                {
                    // A local's scope is its whole block, and a switch section's local is the whole switch's.
                    VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } } =>
                        local.Parent is BlockSyntax ? local.Parent : local.Parent is SwitchSectionSyntax section ? section.Parent : null,
                    VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: UsingStatementSyntax or ForStatementSyntax or FixedStatementSyntax } declaration } => declaration.Parent,
                    ParameterSyntax parameter => parameter.Parent is BaseParameterListSyntax list ? list.Parent : parameter.Parent,
                    ForEachStatementSyntax loop => loop,
                    CatchDeclarationSyntax caught => caught.Parent,
                    _ => null,
                };
                if (owner == null) return null;
                scope = owner.Span;
            }

            return scope;
        }

        private static bool IsPowerShell(SemanticModel model, InvocationExpressionSyntax call, MemberAccessExpressionSyntax member, CompilationScope scope, System.Threading.CancellationToken token)
        {
            if (model.GetSymbolInfo(call, token).Symbol is IMethodSymbol method) return scope.BuildsCommands(method.ContainingType);

            // Unresolved (missing references): the receiver's type name, or a chain that starts with PowerShell.Create().
            ITypeSymbol? receiver = model.GetTypeInfo(member.Expression, token).Type;
            if (receiver != null && receiver.TypeKind != TypeKind.Error) return receiver.Name == "PowerShell" || receiver.Name == "PSCommand" || scope.BuilderNames.Contains(receiver.Name);
            return member.Expression.ToString().IndexOf("PowerShell", StringComparison.Ordinal) >= 0 || member.Expression is InvocationExpressionSyntax || member.Expression is IdentifierNameSyntax;
        }

        private static void Collect(SemanticModel model, InvocationExpressionSyntax call, string method, List<CommandCall> commands, ScriptText scripts, System.Threading.CancellationToken token, LoopItem? loop)
        {
            SeparatedSyntaxList<ArgumentSyntax> args = call.ArgumentList.Arguments;

            // After AddScript, AddParameter and AddArgument give the script its parameters (param($Name, $Count)), by name
            // and by position, not its last command a parameter: the script is read when the chain goes on to another command.
            if (scripts.Pending)
            {
                if (method == "AddParameter" || method == "AddParameters" || method == "AddArgument")
                {
                    BindScriptParameter(model, method, args, scripts, token, loop);
                    return;
                }

                scripts.Flush(commands);
            }

            switch (method)
            {
                case "AddCommand":
                    if (args.Count > 0 && Constant(model, args[0].Expression, token, loop) is { HasValue: true, Value: string name }) commands.Add(new CommandCall(name, args[0].GetLocation()));
                    else commands.Add(new CommandCall("?", call.GetLocation())); // unknown command: later parameters attach to nothing known
                    break;
                case "AddParameter":
                    if (commands.Count == 0 || args.Count == 0) return;
                    if (!(Constant(model, args[0].Expression, token, loop) is { HasValue: true, Value: string parameter }))
                    {
                        // A parameter named at run time (AddParameter(key, value) in a loop over settings) may be any one.
                        commands[commands.Count - 1].Splatted = true;
                        return;
                    }
                    CodeValue value = args.Count > 1 ? Value(model, args[1].Expression, token, loop) : new CodeValue(true, true, args[0].GetLocation());
                    commands[commands.Count - 1].Named.Add(new KeyValuePair<string, CodeValue>(parameter, value));
                    break;
                case "AddParameters":
                    // A dictionary or list of parameters (PowerShell's splatting): the entries of one written in place
                    // (new Dictionary<string, object> { ["Name"] = "web01" }), or of a local initialised so and only ever
                    // passed here; any other may hold any parameter.
                    if (commands.Count == 0) break;
                    CommandCall target = commands[commands.Count - 1];
                    ExpressionSyntax? splat = args.Count > 0 ? Splat(args[0].Expression) : null;
                    if (splat != null && ParameterEntries(model, splat, token, loop) is List<KeyValuePair<string, CodeValue>> entries) target.Named.AddRange(entries);
                    else target.Splatted = true;
                    break;
                case "AddArgument":
                    if (commands.Count > 0 && args.Count > 0) commands[commands.Count - 1].Positional.Add(Value(model, args[0].Expression, token, loop));
                    break;
                case "AddScript":
                    if (args.Count == 0) return;
                    ExpressionSyntax script = args[0].Expression;
                    // AddScript(text, useLocalScope: true) keeps its variables to itself; one not known to be false may.
                    bool localScope = args.Count > 1 && !(Constant(model, args[1].Expression, token, loop) is { HasValue: true, Value: false });
                    string? text = ScriptTextOf(model, script, token, loop, out List<KeyValuePair<string, CodeValue>>? holes);
                    // AddScript(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scripts", "New-LabVM.ps1"))): the
                    // project's script of that name, when it is one of the AdditionalFiles.
                    ImportedFile? file = text == null && scripts.FileNamed != null && ReadScriptPath(model, script, token, loop) is string tail ? scripts.FileNamed(tail) : null;
                    // AddScript(reader.ReadToEnd()) of a StreamReader over the assembly's manifest resource stream: the embedded script.
                    if (text == null && file == null && scripts.ResourceNamed != null && ReadScriptResource(model, script, token, loop) is string resource) file = scripts.ResourceNamed(resource);
                    scripts.Add(script, text ?? file?.Text, scripts.Several ? Session(model, call, token, loop) : null, localScope, file);
                    foreach (KeyValuePair<string, CodeValue> hole in holes ?? Enumerable.Empty<KeyValuePair<string, CodeValue>>()) scripts.Bind(hole.Key, hole.Value);
                    break;
            }
        }

        /// <summary>
        /// The PowerShell object a call of a chain is made on, named as <see cref="SymbolPath"/> names a value ("ps" in
        /// ps.AddStatement().AddScript(...)): scripts added to the same one run in the same runspace. Null for an object
        /// that may differ from one call to the next (PowerShell.Create().AddScript(...), a variable written again).
        /// </summary>
        private static string? Session(SemanticModel model, InvocationExpressionSyntax call, System.Threading.CancellationToken token, LoopItem? loop)
        {
            ExpressionSyntax e = call.Expression;
            while (e is MemberAccessExpressionSyntax member)
            {
                e = member.Expression;
                if (!(e is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } && Methods.Contains(inner.Name.Identifier.ValueText))) break;
                e = ((InvocationExpressionSyntax)e).Expression;
            }

            return SymbolPath(model, e, token, loop);
        }

        private static void BindScriptParameter(SemanticModel model, string method, SeparatedSyntaxList<ArgumentSyntax> args, ScriptText scripts, System.Threading.CancellationToken token, LoopItem? loop)
        {
            if (args.Count == 0) return;
            if (method == "AddArgument")
            {
                scripts.BindArgument(Value(model, args[0].Expression, token, loop));
            }
            else if (method == "AddParameter")
            {
                if (Constant(model, args[0].Expression, token, loop) is { HasValue: true, Value: string name })
                    scripts.Bind(name, args.Count > 1 ? Value(model, args[1].Expression, token, loop) : new CodeValue(true, true, args[0].GetLocation()));
            }
            else if (Splat(args[0].Expression) is ExpressionSyntax table && ParameterEntries(model, table, token, loop) is List<KeyValuePair<string, CodeValue>> given)
            {
                foreach (KeyValuePair<string, CodeValue> entry in given) scripts.Bind(entry.Key, entry.Value);
            }
        }

        /// <summary>
        /// A loop variable of the method holding one of the items the code lists or counts for its loop, and those of the
        /// loops around it; or a parameter of a helper method holding what its caller gave it.
        /// </summary>
        /// <summary>The item of <paramref name="chain"/> whose variable <paramref name="name"/> is (a loop's, or a helper's parameter); null for any other name.</summary>
        private static LoopItem? Binding(LoopItem? chain, SemanticModel model, IdentifierNameSyntax name, System.Threading.CancellationToken token)
        {
            for (LoopItem? l = chain; l != null; l = l.Outer)
            {
                if (name.Identifier.ValueText == l.Variable.Name) return SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, token).Symbol, l.Variable) ? l : null;
            }

            return null;
        }

        /// <summary>A helper's parameter given no constant: the caller's value it stands for (<see cref="SymbolPath"/>), or null.</summary>
        private sealed class BoundValue
        {
            public BoundValue(string? path) => Path = path;

            public string? Path { get; }
        }

        private sealed class LoopItem
        {
            public LoopItem(ISymbol variable, object item, LoopItem? outer)
            {
                Variable = variable;
                Item = item;
                Outer = outer;
            }

            /// <summary>A loop's variable, or a parameter of a helper method read for its caller.</summary>
            public ISymbol Variable { get; }

            /// <summary>The item as the code writes it: a string, a number, a Boolean; or a <see cref="BoundValue"/>.</summary>
            public object Item { get; }

            /// <summary>The item of the loop around this one, when the code lists or counts that loop's items too.</summary>
            public LoopItem? Outer { get; }
        }

        /// <summary>
        /// The items a foreach goes through when the code lists them: an array or collection expression of constants
        /// written in the loop, or in a local that the method uses nowhere else (so nothing changes it); null otherwise.
        /// </summary>
        private static List<object>? LoopItems(SemanticModel model, ForEachStatementSyntax loop, System.Threading.CancellationToken token)
        {
            ExpressionSyntax? collection = loop.Expression is IdentifierNameSyntax name ? SoleInitializer(name, other => other == loop.Expression) : loop.Expression;
            IEnumerable<ExpressionSyntax>? elements = ArrayElements(collection);
            if (elements == null) return null;
            var items = new List<object>();
            foreach (ExpressionSyntax element in elements)
            {
                if (!(Constant(model, element, token) is { HasValue: true, Value: object item })) return null;
                items.Add(item);
            }

            return items;
        }

        /// <summary>
        /// The elements of an array written in the code: new[] { ... }, new string[] { ... }, { ... } initialising an array
        /// variable, or a collection expression [ ... ] (none of whose elements is a spread, ..other, whose items are not
        /// written there); null for anything else.
        /// </summary>
        private static IEnumerable<ExpressionSyntax>? ArrayElements(ExpressionSyntax? e) => e switch
        {
            ArrayCreationExpressionSyntax a => a.Initializer?.Expressions,
            ImplicitArrayCreationExpressionSyntax i => i.Initializer.Expressions,
            InitializerExpressionSyntax i when i.IsKind(SyntaxKind.ArrayInitializerExpression) => i.Expressions,
            CollectionExpressionSyntax c => c.Elements.All(x => x is ExpressionElementSyntax) ? c.Elements.Select(x => ((ExpressionElementSyntax)x).Expression) : null,
            _ => null,
        };

        /// <summary>The outermost foreach or for loop whose body holds <paramref name="call"/> inside <paramref name="scope"/> (the method, or a loop).</summary>
        private static StatementSyntax? OutermostLoop(SyntaxNode call, SyntaxNode scope)
        {
            StatementSyntax? outermost = null;
            for (SyntaxNode? n = call.Parent; n != null && n != scope; n = n.Parent)
            {
                if ((n is ForEachStatementSyntax || n is ForStatementSyntax) && LoopBody((StatementSyntax)n).Span.Contains(call.Span)) outermost = (StatementSyntax)n;
            }

            return outermost;
        }

        private static StatementSyntax LoopBody(StatementSyntax loop) => loop is ForEachStatementSyntax each ? each.Statement : ((ForStatementSyntax)loop).Statement;

        /// <summary>
        /// The variable of a foreach or for loop and the items it goes through, when the code lists them (<see cref="LoopItems"/>)
        /// or counts them (<see cref="CountedItems"/>), at most <see cref="PowerShellScript.MaxLoopItems"/>; null for any
        /// other loop, and for one that may stop early (break, goto, return), whose later items may never come.
        /// </summary>
        private static (ILocalSymbol Variable, List<object> Items)? ListedLoop(SemanticModel model, StatementSyntax loop, System.Threading.CancellationToken token)
        {
            if (LoopBody(loop).DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax))
                .Any(n => n is BreakStatementSyntax || n is GotoStatementSyntax || n is ReturnStatementSyntax || n.IsKind(SyntaxKind.YieldBreakStatement))) return null;
            List<object>? items = null;
            ILocalSymbol? variable = null;
            if (loop is ForEachStatementSyntax each)
            {
                variable = model.GetDeclaredSymbol(each, token) as ILocalSymbol;
                if (variable != null) items = LoopItems(model, each, token);
            }
            else if (loop is ForStatementSyntax { Declaration.Variables.Count: 1 } counting)
            {
                variable = model.GetDeclaredSymbol(counting.Declaration.Variables[0], token) as ILocalSymbol;
                if (variable != null) items = CountedItems(model, counting, variable, token);
            }

            return variable != null && items is { Count: > 0 and <= PowerShellScript.MaxLoopItems } ? (variable, items) : null;
        }

        /// <summary>
        /// The values a counting loop gives its int or long variable: for (int i = a; i &lt; b; i++) with constant bounds
        /// (&lt;, &lt;=, &gt;, &gt;=), a constant step (++, --, += k, -= k) and a body that never writes the variable; null
        /// otherwise, or past <see cref="PowerShellScript.MaxLoopItems"/> values.
        /// </summary>
        private static List<object>? CountedItems(SemanticModel model, ForStatementSyntax loop, ILocalSymbol variable, System.Threading.CancellationToken token)
        {
            bool isInt = variable.Type.SpecialType == SpecialType.System_Int32;
            if (!isInt && variable.Type.SpecialType != SpecialType.System_Int64) return null;
            string name = variable.Name;
            if (loop.Initializers.Count > 0 || loop.Incrementors.Count != 1 || loop.Declaration!.Variables[0].Initializer is not { } start
                || !(Constant(model, start.Value, token) is { HasValue: true } first) || CodeValue.Integer(first.Value) is not long value) return null;
            if (!(loop.Condition is BinaryExpressionSyntax { Left: IdentifierNameSyntax bounded } condition) || bounded.Identifier.ValueText != name
                || !(Constant(model, condition.Right, token) is { HasValue: true } last) || CodeValue.Integer(last.Value) is not long bound) return null;
            long step;
            switch (loop.Incrementors[0])
            {
                case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax operand } postfix when operand.Identifier.ValueText == name:
                    step = postfix.IsKind(SyntaxKind.PostIncrementExpression) ? 1 : -1;
                    break;
                case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax operand } prefix when operand.Identifier.ValueText == name:
                    step = prefix.IsKind(SyntaxKind.PreIncrementExpression) ? 1 : -1;
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when target.Identifier.ValueText == name
                    && (assignment.IsKind(SyntaxKind.AddAssignmentExpression) || assignment.IsKind(SyntaxKind.SubtractAssignmentExpression))
                    && Constant(model, assignment.Right, token) is { HasValue: true } by && CodeValue.Integer(by.Value) is long k && k > 0:
                    step = assignment.IsKind(SyntaxKind.AddAssignmentExpression) ? k : -k;
                    break;
                default:
                    return null;
            }

            // Written in the body (i++, i = 5, ref i, out i): the loop counts what the code cannot know.
            foreach (IdentifierNameSyntax use in loop.Statement.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (use.Identifier.ValueText != name) continue;
                SyntaxNode parent = use.Parent!;
                if ((parent is AssignmentExpressionSyntax written && written.Left == use) || parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }
                    || parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
                    || (parent is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(SyntaxKind.None)) || parent is RefExpressionSyntax) return null;
            }

            var items = new List<object>();
            Func<long, bool>? goesOn = condition.Kind() switch
            {
                SyntaxKind.LessThanExpression => v => v < bound,
                SyntaxKind.LessThanOrEqualExpression => v => v <= bound,
                SyntaxKind.GreaterThanExpression => v => v > bound,
                SyntaxKind.GreaterThanOrEqualExpression => v => v >= bound,
                _ => null,
            };
            if (goesOn == null) return null;
            for (; goesOn(value); value += step)
            {
                if (items.Count == PowerShellScript.MaxLoopItems) return null;
                items.Add(isInt ? (object)(int)value : value);
            }

            return items;
        }

        /// <summary>
        /// The value an expression has with the loop's variable holding its item: the variable itself, and strings built
        /// from it by interpolation ($"web{n}") or by + with a string; null for anything else, read as before.
        /// </summary>
        private static object? LoopConstant(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token, LoopItem loop)
        {
            switch (e)
            {
                case IdentifierNameSyntax name:
                    return Binding(loop, model, name, token) is { Item: var item } && !(item is BoundValue) ? item : null;
                case ParenthesizedExpressionSyntax parenthesized:
                    return LoopConstant(model, parenthesized.Expression, token, loop);
                case InterpolatedStringExpressionSyntax interpolated when interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken) || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken):
                {
                    var text = new System.Text.StringBuilder();
                    foreach (InterpolatedStringContentSyntax part in interpolated.Contents)
                    {
                        if (part is InterpolatedStringTextSyntax literal) text.Append(literal.TextToken.ValueText);
                        else if (part is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole && Constant(model, hole.Expression, token, loop) is { HasValue: true, Value: object value })
                            text.Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        else return null;
                    }

                    return text.ToString();
                }

                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                {
                    // String concatenation only ("web" + n, n + "-disk"); n + 1 is arithmetic, not read here.
                    if (!(Constant(model, binary.Left, token, loop) is { HasValue: true, Value: object left }) || !(Constant(model, binary.Right, token, loop) is { HasValue: true, Value: object right })) return null;
                    if (!(left is string) && !(right is string)) return null;
                    return Convert.ToString(left, System.Globalization.CultureInfo.InvariantCulture) + Convert.ToString(right, System.Globalization.CultureInfo.InvariantCulture);
                }

                default:
                    return null;
            }
        }

        /// <summary>
        /// The dictionary literal an AddParameters argument is: the expression itself, or the initialiser of a local that
        /// the method mentions nowhere else than as such an argument (so nothing adds to it or changes it).
        /// </summary>
        private static ExpressionSyntax? Splat(ExpressionSyntax e) => !(e is IdentifierNameSyntax name) ? e
            : SoleInitializer(name, other => other.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddParameters" } } } });

        /// <summary>
        /// The initialiser of the one local <paramref name="name"/> stands for, when the method declares that name once,
        /// with an initialiser, and mentions it nowhere but where <paramref name="allowed"/> says (so nothing changes
        /// what it holds); null otherwise. Read from the syntax alone, by name.
        /// </summary>
        private static ExpressionSyntax? SoleInitializer(IdentifierNameSyntax name, Func<IdentifierNameSyntax, bool> allowed)
        {
            SyntaxNode? member = name.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            if (member == null) return null;
            string text = name.Identifier.ValueText;
            ExpressionSyntax? initializer = null;
            foreach (SyntaxNode n in member.DescendantNodes())
            {
                if (n is VariableDeclaratorSyntax d && d.Identifier.ValueText == text)
                {
                    if (initializer != null || d.Initializer == null) return null;
                    initializer = d.Initializer.Value;
                }
                else if (n is IdentifierNameSyntax other && other.Identifier.ValueText == text && !allowed(other))
                {
                    return null;
                }
            }

            return initializer;
        }

        /// <summary>
        /// The parameters a dictionary written in place holds: new Dictionary&lt;string, object&gt; { ["Name"] = "web01" }
        /// or { { "Name", "web01" } }, also a Hashtable or a target-typed new(); null when a key is not a constant string or
        /// an element is anything else.
        /// </summary>
        private static List<KeyValuePair<string, CodeValue>>? ParameterEntries(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token, LoopItem? loop)
        {
            InitializerExpressionSyntax? initializer = e is BaseObjectCreationExpressionSyntax creation ? creation.Initializer : null;
            if (initializer == null) return null;
            var entries = new List<KeyValuePair<string, CodeValue>>();
            foreach (ExpressionSyntax element in initializer.Expressions)
            {
                ExpressionSyntax key, value;
                if (element is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } index } assignment)
                {
                    key = index.ArgumentList.Arguments[0].Expression;
                    value = assignment.Right;
                }
                else if (element is InitializerExpressionSyntax { Expressions.Count: 2 } pair && element.IsKind(SyntaxKind.ComplexElementInitializerExpression))
                {
                    key = pair.Expressions[0];
                    value = pair.Expressions[1];
                }
                else
                {
                    return null;
                }

                if (!(Constant(model, key, token, loop) is { HasValue: true, Value: string parameter })) return null;
                entries.Add(new KeyValuePair<string, CodeValue>(parameter, Value(model, value, token, loop)));
            }

            return entries;
        }

        /// <summary>
        /// The constant value of an expression. A string, number, character or Boolean literal is read from its token:
        /// most values in provisioning code are literals, and this spares the semantic model a lookup per argument.
        /// </summary>
        private static Optional<object?> Constant(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token, LoopItem? loop = null)
        {
            if (loop != null && LoopConstant(model, e, token, loop) is object bound) return new Optional<object?>(bound);
            if (e is LiteralExpressionSyntax literal)
            {
                switch (literal.Kind())
                {
                    case SyntaxKind.StringLiteralExpression:
                    case SyntaxKind.NumericLiteralExpression:
                    case SyntaxKind.CharacterLiteralExpression:
                    case SyntaxKind.TrueLiteralExpression:
                    case SyntaxKind.FalseLiteralExpression:
                        return new Optional<object?>(literal.Token.Value);
                }
            }

            return model.GetConstantValue(e, token);
        }

        /// <summary>
        /// A constant (literal, const field, concatenation, interpolation of constants, nameof), a static readonly
        /// field with a constant initialiser, or a local assigned once from a constant and never written again (the declaration's value
        /// is then the only one it can have).
        /// </summary>
        private static object? ConstantOrSingleAssignment(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token, LoopItem? loop = null)
        {
            Optional<object?> constant = Constant(model, e, token, loop);
            if (constant.HasValue) return constant.Value;
            ISymbol? symbol = model.GetSymbolInfo(e, token).Symbol;

            // A static readonly field initialised with a constant never changes after the type initialiser.
            if (symbol is IFieldSymbol { IsStatic: true, IsReadOnly: true } field
                && field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(token) is VariableDeclaratorSyntax { Initializer: not null } fieldDeclarator)
            {
                ExpressionSyntax initializer = fieldDeclarator.Initializer.Value;
                if (fieldDeclarator.SyntaxTree == e.SyntaxTree)
                {
                    Optional<object?> fieldValue = Constant(model, initializer, token);
                    return fieldValue.HasValue ? fieldValue.Value : null;
                }

                // Declared in another file: a literal is read as written (an analyzer may not ask for that file's model).
                return initializer is LiteralExpressionSyntax literal ? literal.Token.Value : null;
            }

            if (!(SingleValue(model, e, symbol, token) is ExpressionSyntax value)) return null;
            Optional<object?> initial = Constant(model, value, token);
            return initial.HasValue ? initial.Value : null;
        }

        /// <summary>
        /// The one value a local holds (<paramref name="symbol"/>, what <paramref name="e"/> names): its initialiser, where
        /// nothing in its block writes it again; null for anything else.
        /// </summary>
        private static ExpressionSyntax? SingleValue(SemanticModel model, ExpressionSyntax e, ISymbol? symbol, System.Threading.CancellationToken token)
        {
            if (!(e is IdentifierNameSyntax name) || !(symbol is ILocalSymbol local)) return null;
            if (!(local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(token) is VariableDeclaratorSyntax declarator) || declarator.Initializer == null) return null;
            SyntaxNode? scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            return scope == null || Written(model, scope, name.Identifier.ValueText, local, token) ? null : declarator.Initializer.Value;
        }

        /// <summary>
        /// The path of the script file a call of File.ReadAllText reads, as far as the code writes it out: the whole of a
        /// constant relative path, else its folders and name after what the code computes (Path.Combine or Path.Join
        /// of AppContext.BaseDirectory, "Scripts", "New-LabVM.ps1"; baseDir + @"\Scripts\New-LabVM.ps1"), and the name
        /// alone of a rooted one (D:\Scripts\New-LabVM.ps1 is where the project's copy is deployed), with '/' between
        /// folders. The text may be awaited from File.ReadAllTextAsync, and held in a local first (string script =
        /// File.ReadAllText(path); ps.AddScript(script)). Null for any other expression, a path that is not a .ps1, or
        /// one whose name the code computes.
        /// </summary>
        private static string? ReadScriptPath(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token, LoopItem? loop)
        {
            if (e is IdentifierNameSyntax && SingleValue(model, e, model.GetSymbolInfo(e, token).Symbol, token) is ExpressionSyntax held) e = held;
            string read = Awaited(ref e) ? "ReadAllTextAsync" : "ReadAllText";

            if (!(e is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call) || member.Name.Identifier.ValueText != read || call.ArgumentList.Arguments.Count == 0) return null;
            if (model.GetSymbolInfo(call, token).Symbol is IMethodSymbol method)
            {
                if (method.ContainingType?.ToDisplayString() != "System.IO.File") return null;
            }
            else if (!(member.Expression.ToString() is string receiver && (receiver == "File" || receiver == "System.IO.File" || receiver == "IO.File")))
            {
                return null; // not bound (code audited without its references): known by the receiver's name
            }

            // The parts written out, last first; partial once something the code computes comes before them.
            var parts = new List<string>();
            bool partial = false;
            bool Tail(ExpressionSyntax path)
            {
                if (ConstantOrSingleAssignment(model, path, token, loop) is string whole)
                {
                    parts.Insert(0, whole);
                    return true;
                }

                if (path is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } sum)
                {
                    if (!(ConstantOrSingleAssignment(model, sum.Right, token, loop) is string right)) return false;
                    parts.Insert(0, right);
                    if (!Tail(sum.Left)) partial = true;
                    return true;
                }

                if (path is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Combine" or "Join" } } combine && combine.ArgumentList.Arguments.Count > 0
                    && (!(model.GetSymbolInfo(combine, token).Symbol is IMethodSymbol bound) || bound.ContainingType?.ToDisplayString() == "System.IO.Path"))
                {
                    SeparatedSyntaxList<ArgumentSyntax> args = combine.ArgumentList.Arguments;
                    for (int k = args.Count - 1; k >= 0; k--)
                    {
                        if (!(ConstantOrSingleAssignment(model, args[k].Expression, token, loop) is string part))
                        {
                            partial = true;
                            return k < args.Count - 1;
                        }

                        parts.Insert(0, part);
                        if (part.StartsWith("/", StringComparison.Ordinal) || part.StartsWith("\\", StringComparison.Ordinal) || (part.Length >= 2 && part[1] == ':')) break; // Path.Combine starts again at a rooted part
                    }

                    return true;
                }

                return false;
            }

            if (!Tail(call.ArgumentList.Arguments[0].Expression)) return null;
            string written = string.Join("/", parts).Replace('\\', '/');
            while (written.IndexOf("//", StringComparison.Ordinal) >= 0) written = written.Replace("//", "/");
            if (!written.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase)) return null;
            bool rooted = !partial && (written.StartsWith("/", StringComparison.Ordinal) || (written.Length >= 2 && written[1] == ':'));
            if (rooted) return written.Substring(written.LastIndexOf('/') + 1);
            string relative = PowerShellScriptFileAnalyzer.FullPath(written.TrimStart('/'));
            return relative.StartsWith("../", StringComparison.Ordinal) || relative.Length == 0 ? null : relative;
        }

        /// <summary>Whether <paramref name="e"/> awaits a task (await File.ReadAllTextAsync(path), also .ConfigureAwait(false)): then the call awaited.</summary>
        private static bool Awaited(ref ExpressionSyntax e)
        {
            if (!(e is AwaitExpressionSyntax awaited)) return false;
            e = awaited.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configured } ? configured.Expression : awaited.Expression;
            return true;
        }

        /// <summary>The AdditionalFiles metadata the package's targets give an embedded script: its manifest resource name.</summary>
        internal const string ResourceNameMetadata = "build_metadata.AdditionalFiles.HvLintResourceName";

        /// <summary>
        /// The manifest resource name of the script a StreamReader reads to the end (reader.ReadToEnd(), or awaited
        /// ReadToEndAsync()) over Assembly.GetManifestResourceStream("Contoso.Scripts.New-LabVM.ps1"), or over
        /// GetManifestResourceStream(typeof(Provisioner), "New-LabVM.ps1"), whose name starts with the type's namespace;
        /// the reader and the stream may each be a local written nowhere else (using var reader = new StreamReader(stream)).
        /// Null for anything else, and for a name that is not a .ps1 or that the code computes.
        /// </summary>
        private static string? ReadScriptResource(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token, LoopItem? loop)
        {
            ExpressionSyntax Held(ExpressionSyntax x)
            {
                // A local's one value; past the ! and ?? throw that null checks of a resource stream add.
                x = x is IdentifierNameSyntax && SingleValue(model, x, model.GetSymbolInfo(x, token).Symbol, token) is ExpressionSyntax value ? value : x;
                while (true)
                {
                    if (x is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang) x = bang.Operand;
                    else if (x is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: ThrowExpressionSyntax } coalesce) x = coalesce.Left;
                    else if (x is ParenthesizedExpressionSyntax parenthesized) x = parenthesized.Expression;
                    else return x;
                }
            }

            e = Held(e);
            string read = Awaited(ref e) ? "ReadToEndAsync" : "ReadToEnd";

            if (!(e is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax toEnd } readCall) || toEnd.Name.Identifier.ValueText != read || readCall.ArgumentList.Arguments.Count > 1) return null;
            if (!(Held(toEnd.Expression) is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } reader)) return null;
            if (model.GetSymbolInfo(reader, token).Symbol is IMethodSymbol constructor)
            {
                if (constructor.ContainingType?.ToDisplayString() != "System.IO.StreamReader") return null;
            }
            else if (!(reader is ObjectCreationExpressionSyntax { Type: var type } && type.ToString() is "StreamReader" or "System.IO.StreamReader" or "IO.StreamReader"))
            {
                return null;
            }

            if (!(Held(reader.ArgumentList!.Arguments[0].Expression) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetManifestResourceStream" } } open)) return null;
            if (model.GetSymbolInfo(open, token).Symbol is IMethodSymbol method && method.ContainingType?.ToDisplayString() != "System.Reflection.Assembly") return null;
            SeparatedSyntaxList<ArgumentSyntax> args = open.ArgumentList.Arguments;
            string? name = args.Count switch
            {
                1 => ConstantOrSingleAssignment(model, args[0].Expression, token, loop) as string,
                // The type's namespace, then the name (Assembly.GetManifestResourceStream(Type, string)).
                2 when args[0].Expression is TypeOfExpressionSyntax of && model.GetSymbolInfo(of.Type, token).Symbol is INamedTypeSymbol scopeType
                    && ConstantOrSingleAssignment(model, args[1].Expression, token, loop) is string last =>
                    scopeType.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + last : last,
                _ => null,
            };
            return name != null && PowerShellScriptFileAnalyzer.IsScript(name) ? name : null;
        }

        /// <summary>
        /// How many parts of <paramref name="path"/> end the manifest resource name <paramref name="resource"/>, read
        /// back from the file's name through its folders, each folder as MSBuild writes one in a resource name (a
        /// character no identifier may hold as '_', and '_' before a leading digit): 0 when the name does not end with
        /// the file's name.
        /// </summary>
        internal static int ResourceMatch(string path, string resource)
        {
            string[] parts = path.Split('/');
            string name = parts[parts.Length - 1];
            if (!(string.Equals(resource, name, StringComparison.Ordinal) || resource.EndsWith("." + name, StringComparison.Ordinal))) return 0;
            string rest = resource.Substring(0, Math.Max(0, resource.Length - name.Length - 1));
            int matched = 1;
            for (int k = parts.Length - 2; k >= 0 && rest.Length > 0; k--)
            {
                string folder = ResourceFolder(parts[k]);
                if (string.Equals(rest, folder, StringComparison.Ordinal)) return matched + 1;
                if (!rest.EndsWith("." + folder, StringComparison.Ordinal)) break;
                rest = rest.Substring(0, rest.Length - folder.Length - 1);
                matched++;
            }

            return matched;
        }

        private static string ResourceFolder(string folder)
        {
            var named = new System.Text.StringBuilder(folder.Length + 1);
            foreach (char c in folder) named.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            if (named.Length > 0 && char.IsDigit(named[0])) named.Insert(0, '_');
            return named.ToString();
        }

        /// <summary>
        /// Script text the code writes: a constant, or an interpolation whose holes are constants or values the code
        /// writes the same way each time ($"New-VM -Name {vmName}"), each of those read in the script as a variable
        /// (<see cref="PowerShellScript.HolePrefix"/>) that stands for it (<paramref name="holes"/>); null otherwise.
        /// </summary>
        private static string? ScriptTextOf(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token, LoopItem? loop, out List<KeyValuePair<string, CodeValue>>? holes)
        {
            holes = null;
            if (ConstantOrSingleAssignment(model, e, token, loop) is string text) return text;
            if (!(e is InterpolatedStringExpressionSyntax interpolated)) return null;
            var built = new System.Text.StringBuilder();
            foreach (InterpolatedStringContentSyntax part in interpolated.Contents)
            {
                if (part is InterpolatedStringTextSyntax literal)
                {
                    built.Append(literal.TextToken.ValueText);
                    continue;
                }

                if (!(part is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole)) return null;
                if (ConstantOrSingleAssignment(model, hole.Expression, token, loop) is object value)
                {
                    built.Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    continue;
                }

                if (!(Symbol(model, hole.Expression, token, loop) is string symbol)) return null;
                // {vmName} is $hvlint_hole_vmName; a member read ({spec.Name}) is numbered, so that no identifier's
                // variable (which cannot start with a digit) is also its variable.
                string variable = PowerShellScript.HolePrefix + (hole.Expression is IdentifierNameSyntax name ? name.Identifier.ValueText : (holes?.Count ?? 0) + "_" + symbol.Substring(1, symbol.Length - 2).Replace('.', '_'));
                built.Append('$').Append(variable);
                (holes ??= new List<KeyValuePair<string, CodeValue>>()).Add(new KeyValuePair<string, CodeValue>(variable, new CodeValue(null, false, hole.GetLocation()) { Symbol = symbol }));
            }

            return built.ToString();
        }

        /// <summary>Whether anything in <paramref name="scope"/> assigns, steps or passes by reference the variable, field or property <paramref name="name"/> names.</summary>
        private static bool Written(SemanticModel model, SyntaxNode scope, string name, ISymbol variable, System.Threading.CancellationToken token)
        {
            foreach (SyntaxNode n in scope.DescendantNodes())
            {
                ExpressionSyntax? written = n switch
                {
                    AssignmentExpressionSyntax a => a.Left,
                    PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression) => p.Operand,
                    PostfixUnaryExpressionSyntax p => p.Operand,
                    ArgumentSyntax arg when !arg.RefKindKeyword.IsKind(SyntaxKind.None) => arg.Expression,
                    _ => null,
                };
                if (written is MemberAccessExpressionSyntax member) written = member.Name; // spec.Name = ..., this.name = ...
                if (written is IdentifierNameSyntax w && w.Identifier.ValueText == name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(w, token).Symbol, variable)) return true;
            }

            return false;
        }

        /// <summary>
        /// What a value the code does not fix stands for (<see cref="CodeValue.Symbol"/>) where the method reads it the same
        /// way each time: "{vmName}", "{spec.Name}"; null for anything else, whose value may differ from one use to the next.
        /// </summary>
        private static string? Symbol(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token, LoopItem? loop) =>
            SymbolPath(model, e, token, loop) is string path ? "{" + path + "}" : null;

        /// <summary>
        /// The name of a value the method reads the same way each time: a parameter it never changes; a local it declares
        /// with a value and never changes after (a foreach's variable within one pass); a field it never assigns; or a
        /// field or property read through one of those, or through this, that it never assigns (spec.Name,
        /// this.config.VmName). Like the compiler's nullable analysis, HvLint takes a property read twice to give the
        /// same value unless the method assigns it. A static property (DateTime.Now), an indexer or a call is not read so.
        /// </summary>
        private static string? SymbolPath(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token, LoopItem? loop)
        {
            IdentifierNameSyntax name;
            ExpressionSyntax? receiver = null;
            if (e is IdentifierNameSyntax identifier)
            {
                name = identifier;
            }
            else if (e is MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
            {
                name = member;
                receiver = access.Expression;
            }
            else
            {
                return null;
            }

            ISymbol? symbol = model.GetSymbolInfo(name, token).Symbol;

            // A helper's parameter (or a loop's variable) stands for what the caller gave it: its symbol, or nothing.
            if (receiver == null && Binding(loop, model, name, token) is LoopItem bound) return bound.Item is BoundValue given ? given.Path : null;

            SyntaxNode? scope;
            string? owner = null;
            SyntaxNode? declared = null;
            if (symbol is IParameterSymbol { RefKind: RefKind.None } parameter && receiver == null)
            {
                declared = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(token);
                scope = declared?.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            }
            else if (symbol is ILocalSymbol { IsRef: false, IsConst: false } local && receiver == null)
            {
                declared = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(token);
                if (!(declared is ForEachStatementSyntax || declared is VariableDeclaratorSyntax { Initializer: not null })) return null;
                scope = declared.Parent?.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declared.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            }
            else if (symbol is IFieldSymbol { IsConst: false } || symbol is IPropertySymbol { IsStatic: false, IsIndexer: false, ReturnsByRef: false, ReturnsByRefReadonly: false })
            {
                // One spelling per member, however the code reaches it (_vmName and this._vmName, Settings.VmName and
                // VmName): a member of this object is this.name, a static one its type's. So a parameter and a field of
                // the same name are never taken for one VM.
                owner = symbol.IsStatic ? symbol.ContainingType.Name
                    : receiver == null || receiver is ThisExpressionSyntax ? "this"
                    : SymbolPath(model, receiver, token, loop);
                if (owner == null) return null;

                // A field or property is judged within the method that reads it: another method may set it, but not
                // between two reads of this one.
                scope = name.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            }
            else
            {
                return null;
            }

            if (scope == null || scope.SyntaxTree != name.SyntaxTree || Written(model, scope, name.Identifier.ValueText, symbol, token)) return null;
            return owner != null ? owner + "." + name.Identifier.ValueText : declared != null ? OneVariable(declared, name.Identifier.ValueText) : name.Identifier.ValueText;
        }

        /// <summary>
        /// The name of the parameter or local <paramref name="declaration"/> declares, with the line it is declared on where
        /// the method declares another of that name ("name (line 9)" for the second of two loops over names), so that
        /// two variables are never taken for one VM.
        /// </summary>
        private static string OneVariable(SyntaxNode declaration, string name)
        {
            SyntaxNode? method = declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            int count = 0;
            foreach (SyntaxNode n in method?.DescendantNodes() ?? Enumerable.Empty<SyntaxNode>())
            {
                SyntaxToken declares = n switch
                {
                    VariableDeclaratorSyntax v => v.Identifier,
                    ForEachStatementSyntax f => f.Identifier,
                    SingleVariableDesignationSyntax d => d.Identifier,
                    CatchDeclarationSyntax c => c.Identifier,
                    ParameterSyntax p => p.Identifier,
                    _ => default,
                };
                if (declares.ValueText == name && ++count > 1) break;
            }

            if (count <= 1) return name;
            int line = declaration.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            return name + " (line " + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        }

        private static CodeValue Value(SemanticModel model, ExpressionSyntax e, System.Threading.CancellationToken token, LoopItem? loop = null)
        {
            object? single = ConstantOrSingleAssignment(model, e, token, loop);
            if (single != null) return new CodeValue(single, true, e.GetLocation());
            IEnumerable<ExpressionSyntax>? elements = ArrayElements(e);
            if (elements == null) return new CodeValue(null, false, e.GetLocation()) { Symbol = Symbol(model, e, token, loop) };
            var items = new List<string>();
            foreach (ExpressionSyntax item in elements)
            {
                Optional<object?> v = Constant(model, item, token);
                if (!v.HasValue || v.Value == null) return CodeValue.Unknown(e.GetLocation());
                items.Add(Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)!);
            }

            return new CodeValue(items, true, e.GetLocation());
        }

        /// <summary>
        /// The script text a method runs: where it was read (so a finding knows script from a command's values) and,
        /// for each command, where in the source its statement ends.
        /// </summary>
        private sealed class ScriptText
        {
            private readonly List<TextSpan> _expressions = new List<TextSpan>();
            private readonly List<(int Start, int End)> _statements = new List<(int, int)>();

            // The script AddScript added last (its text null when the code does not fix it), with the parameters the
            // chain's AddParameter calls after it give: read once the chain goes on to another command, or the method ends.
            private (ExpressionSyntax Script, string? Text, List<KeyValuePair<string, CodeValue>> Parameters, List<CodeValue> Arguments, string? Session, bool LocalScope, ImportedFile? File)? _pending;

            /// <summary>The project's script file a path ends with (<see cref="CompilationScope.ScriptFile"/>).</summary>
            public Func<string, ImportedFile?>? FileNamed { get; set; }

            /// <summary>The script embedded as a manifest resource of that name (GetManifestResourceStream), when it is one of the AdditionalFiles.</summary>
            public Func<string, ImportedFile?>? ResourceNamed { get; set; }

            /// <summary>The script files read for AddScript (File.ReadAllText), whose findings are in those files.</summary>
            public List<ImportedFile>? Files { get; private set; }

            // The variables each PowerShell object's runspace keeps from one script to the next (ScriptVariables.Keep), by
            // the object's name: AddScript runs text in the runspace's own scope, so $cpus = 8 in one script holds in the
            // next. Null for an object one of whose scripts may have written anything (text the code does not fix,
            // Set-Variable).
            private Dictionary<string, Dictionary<string, CodeValue?>?>? _sessions;

            /// <summary>Whether the method calls AddScript more than once, so that one script may leave variables to another.</summary>
            public bool Several { get; set; }

            /// <summary>Whether AddParameter and AddArgument now give parameters to a script AddScript added.</summary>
            public bool Pending => _pending != null;

            public void Add(ExpressionSyntax script, string? text, string? session, bool localScope, ImportedFile? file = null)
            {
                _pending = (script, text, new List<KeyValuePair<string, CodeValue>>(), new List<CodeValue>(), session, localScope, file);
            }

            public void Bind(string parameter, CodeValue value) => _pending?.Parameters.Add(new KeyValuePair<string, CodeValue>(parameter, value));

            public void BindArgument(CodeValue value) => _pending?.Arguments.Add(value);

            /// <summary>Reads the script AddScript added, if any, with the parameters given to it.</summary>
            public void Flush(List<CommandCall> commands)
            {
                if (!(_pending is { } pending)) return;
                _pending = null;
                if (pending.Text == null)
                {
                    if (pending.Session != null && !pending.LocalScope) (_sessions ??= new Dictionary<string, Dictionary<string, CodeValue?>?>())[pending.Session] = null;
                    return;
                }

                Read(pending.Script, pending.Text, commands, pending.Parameters, pending.Arguments, pending.Session, pending.LocalScope, pending.File);
            }

            public void Read(ExpressionSyntax script, string text, List<CommandCall> commands, List<KeyValuePair<string, CodeValue>>? parameters = null, List<CodeValue>? arguments = null, string? session = null, bool localScope = false, ImportedFile? file = null)
            {
                // Positions in a script file are the file's; none of them is in the code.
                bool exact = false;
                Func<int, int, Location> at = file != null ? file.At : LocationMapper(script, out exact);
                if (file != null && !(Files ??= new List<ImportedFile>()).Contains(file)) Files.Add(file);
                Dictionary<string, CodeValue?>? kept = null;
                if (session != null && !((_sessions ??= new Dictionary<string, Dictionary<string, CodeValue?>?>()).TryGetValue(session, out kept)))
                {
                    _sessions[session] = kept = new Dictionary<string, CodeValue?>(StringComparer.OrdinalIgnoreCase);
                }

                List<CommandCall> read;
                if (kept == null && parameters == null && arguments == null)
                {
                    read = PowerShellScript.Parse(text, at);
                }
                else
                {
                    ScriptVariables variables = ScriptVariables.For(text);
                    if (kept != null) variables.Carry(kept);
                    read = PowerShellScript.Parse(text, at, parameters ?? new List<KeyValuePair<string, CodeValue>>(), arguments ?? new List<CodeValue>(), variables);
                    if (kept != null && !localScope && !variables.Keep(kept)) _sessions![session!] = null;
                }

                commands.AddRange(read);
                _expressions.Add(script.Span);
                if (!exact) return; // a constant or a concatenation: no position inside it is known
                foreach (CommandCall c in read) _statements.Add((c.Location.SourceSpan.Start, at(c.StatementEnd, 0).SourceSpan.Start));
            }

            public bool Contains(TextSpan span)
            {
                foreach (TextSpan s in _expressions)
                {
                    if (s.Contains(span)) return true;
                }

                return false;
            }

            /// <summary>Where the statement around <paramref name="position"/> ends in the source; null when not known.</summary>
            public int? StatementEnd(int position)
            {
                foreach ((int start, int end) in _statements)
                {
                    if (start <= position && position <= end) return end;
                }

                return null;
            }
        }

        /// <summary>
        /// Maps a range of the script's value to the source: exact inside a regular, verbatim or raw string literal,
        /// the whole expression otherwise (a constant field, a concatenation, an interpolation).
        /// </summary>
        private static Func<int, int, Location> LocationMapper(ExpressionSyntax script, out bool exact)
        {
            Location whole = script.GetLocation();
            exact = false;
            if (!(script is LiteralExpressionSyntax literal) || !literal.IsKind(SyntaxKind.StringLiteralExpression)) return (_, _) => whole;
            SyntaxToken token = literal.Token;
            SyntaxTree tree = literal.SyntaxTree;
            int start = token.SpanStart;
            string source = token.Text;
            string value = token.ValueText;

            // Most scripts are written without escapes: each character of the value is then the character at the
            // same distance from the opening quote(s), and no map is needed.
            // The lengths rule out escapes that happen to spell the same characters ("\\\\" is two backslashes).
            bool quoted = token.IsKind(SyntaxKind.StringLiteralToken);
            int opening = quoted ? (source.StartsWith("@\"", StringComparison.Ordinal) ? 2 : 1) : token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) ? QuoteRun(source) : 0;
            int closing = quoted ? 1 : opening;
            bool plain = opening > 0
                && (source.Length == opening + value.Length + closing || (quoted && source.Length == opening + value.Length)) // closed, or still being typed
                && string.CompareOrdinal(source, opening, value, 0, value.Length) == 0;
            if (plain)
            {
                exact = true;
                int first = start + opening;
                return (offset, length) =>
                {
                    int from = first + Math.Min(offset, value.Length);
                    return Location.Create(tree, TextSpan.FromBounds(from, first + Math.Max(Math.Min(offset, value.Length) + 1, Math.Min(offset + length, value.Length))));
                };
            }

            List<int>? map = token.Kind() switch
            {
                // Closed, or still being typed (no closing quote yet).
                SyntaxKind.StringLiteralToken => QuotedMap(token.Text, token.Text.Length - 1) is var closed && closed.Count == token.ValueText.Length + 1 ? closed : QuotedMap(token.Text, token.Text.Length),
                SyntaxKind.SingleLineRawStringLiteralToken => SingleLineRawMap(token.Text),
                SyntaxKind.MultiLineRawStringLiteralToken => MultiLineRawMap(token.Text),
                _ => null,
            };

            // One entry per character of the value, and its end: any other count is a shape not understood here.
            if (map == null || map.Count != value.Length + 1) return (_, _) => whole;
            exact = true;
            return (offset, length) =>
            {
                int from = map[Math.Min(offset, map.Count - 1)];
                int to = map[Math.Min(offset + length, map.Count - 1)];
                return Location.Create(tree, TextSpan.FromBounds(start + from, start + Math.Max(from + 1, to)));
            };
        }

        /// <summary>"..." with escapes, or @"..." with doubled quotes, up to <paramref name="end"/>: where each character of the value starts.</summary>
        private static List<int> QuotedMap(string source, int end)
        {
            var map = new List<int>(end);
            bool verbatim = source.StartsWith("@\"", StringComparison.Ordinal);
            int i = verbatim ? 2 : 1;
            while (i < end)
            {
                map.Add(i);
                if (verbatim && source[i] == '"') i += 2;
                else if (!verbatim && source[i] == '\\')
                {
                    char k = i + 1 < source.Length ? source[i + 1] : ' ';
                    i += k == 'u' ? 6 : k == 'U' ? 10 : k == 'x' ? 2 + HexLength(source, i + 2) : 2;
                }
                else i++;
            }

            map.Add(end);
            return map;
        }

        /// <summary>"""...""" on one line: the text between the quote runs, as written.</summary>
        private static List<int> SingleLineRawMap(string source)
        {
            int quotes = QuoteRun(source);
            var map = new List<int>();
            for (int i = quotes; i <= source.Length - quotes; i++) map.Add(i);
            return map;
        }

        /// <summary>
        /// A multi-line raw literal: the lines between the opening and closing quote lines, each without the closing
        /// line's indentation, and without the line break before the closing quotes.
        /// </summary>
        private static List<int> MultiLineRawMap(string source)
        {
            int quotes = QuoteRun(source);
            int closing = source.Length - quotes;
            int lastLine = source.LastIndexOf('\n', closing - 1) + 1;
            int indent = closing - lastLine;
            int end = lastLine - 1;
            if (end > 0 && source[end - 1] == '\r') end--;
            var map = new List<int>();
            int i = source.IndexOf('\n', quotes) + 1;
            while (i < end)
            {
                for (int skipped = 0; skipped < indent && i < end && source[i] != '\r' && source[i] != '\n'; skipped++) i++;
                while (i < end && source[i] != '\n') map.Add(i++);
                if (i < end) map.Add(i++);
            }

            map.Add(end);
            return map;
        }

        private static int QuoteRun(string source)
        {
            int n = 0;
            while (n < source.Length && source[n] == '"') n++;
            return n;
        }

        private static int HexLength(string s, int at)
        {
            int n = 0;
            while (n < 4 && at + n < s.Length && Uri.IsHexDigit(s[at + n])) n++;
            return n;
        }
    }
}
