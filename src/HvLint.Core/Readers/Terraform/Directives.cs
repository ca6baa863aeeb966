using System;
using System.Collections.Generic;
using System.Linq;
using HvLint.Model;
using Newtonsoft.Json.Linq;

namespace HvLint.Readers.Terraform
{
    /// <summary>
    /// `# hvlint-disable HV1001: reason` in a configuration: a comment in a `hyperv_machine_instance` or `module` block
    /// (or a Packer `source` block), or just before it, disables those rules for the VMs the block makes, as a comment in
    /// a VM's configuration XML does for its VM and `# tflint-ignore` does in tflint. In Terraform's JSON syntax, the
    /// comment is the block's `"//"` property. `# hvlint-disable-next-line HV1001: reason` holds for the block's VMs on the
    /// lines of the statement after it only. A module call's directives hold for every VM of the module it calls, and
    /// of the modules that one calls; those written inside a module terraform init installed are the module author's,
    /// not the repository's, and are left out, as its findings are found at the repository's call.
    /// </summary>
    public sealed partial class TerraformReader
    {
        private static readonly IReadOnlyList<Fact<string>> NoDirectives = new Fact<string>[0];

        /// <summary>The directives written in or just before a block, <paramref name="body"/>, of <paramref name="file"/>.</summary>
        private static IReadOnlyList<Fact<string>> DirectivesOf(JObject body, string file)
        {
            List<Fact<string>>? found = null;
            if (body.Annotation<HclDocument.DirectiveComments>() is HclDocument.DirectiveComments comments) (found = new List<Fact<string>>()).AddRange(comments.Comments);
            if (body["//"] is JValue { Type: JTokenType.String } comment && ((string)comment!).IndexOf("hvlint-disable", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                (found ??= new List<Fact<string>>()).Add(Fact.Known((string)comment!, JsonTokens.Start(file, comment)));
            }

            return found ?? NoDirectives;
        }

        /// <summary>The directives of the module calls above a module, which hold for every VM of it.</summary>
        private sealed class CallDirectives
        {
            public static readonly CallDirectives None = new CallDirectives(NoDirectives, new LineDirective[0]);

            private CallDirectives(IReadOnlyList<Fact<string>> block, IReadOnlyList<LineDirective> lines)
            {
                Block = block;
                Lines = lines;
            }

            public IReadOnlyList<Fact<string>> Block { get; }

            public IReadOnlyList<LineDirective> Lines { get; }

            /// <summary>These and those of one more call, its block <paramref name="body"/> in <paramref name="file"/>.</summary>
            public CallDirectives With(JObject body, string file)
            {
                IReadOnlyList<Fact<string>> block = DirectivesOf(body, file);
                IReadOnlyList<LineDirective> lines = LineDirectivesOf(body);
                return block.Count == 0 && lines.Count == 0 ? this : new CallDirectives(Block.Concat(block).ToList(), Lines.Concat(lines).ToList());
            }
        }

        /// <summary>The `hvlint-disable-next-line` comments written in or just before a block, each with its statement's lines.</summary>
        private static IReadOnlyList<LineDirective> LineDirectivesOf(JObject body) =>
            body.Annotation<HclDocument.DirectiveComments>()?.NextLine ?? (IReadOnlyList<LineDirective>)new LineDirective[0];

        /// <summary>A block of an installed module without its author's directives.</summary>
        private static void WithoutDirectives(JObject body)
        {
            body.RemoveAnnotations<HclDocument.DirectiveComments>();
            body.Remove("//");
        }
    }
}
