#!/usr/bin/env python3
"""Where HvLint's CPU goes in a compile: reads `perf script` output of compiles that used the ReadyToRun images, names
the images' frames from crossgen2's --mapcsv maps, and prints, per compile, HvLint's samples split by what the
innermost HvLint method was calling, and the HvLint methods with the most samples under them (inclusive).

  profile-symbols.py <folder of *.map.csv> <perf script output>...

perf names frames of JIT-compiled code from the runtime's perf map, but not those of ReadyToRun images, which it sees
as parts of a mapped file: a frame there is an offset into the file, and each image's map gives the methods' RVAs.
"""
import bisect
import collections
import csv
import os
import re
import sys

maps_dir, outputs = sys.argv[1], sys.argv[2:]
maps = {}
for name in os.listdir(maps_dir):
    if not name.endswith('.map.csv'):
        continue
    rows = []
    with open(os.path.join(maps_dir, name)) as f:
        for row in csv.DictReader(f):
            if row['Node Type'] == 'MethodWithGCInfo' and row['Length']:
                rows.append((int(row['Rva'], 16), int(row['Length']), row['Symbol']))
    rows.sort()
    maps[name[:-len('.map.csv')] + '.dll'] = rows

# crossgen2 lays the images out with the file offset of .text 0x10000 below its RVA (section alignment 0x200 on
# Linux, so that the runtime can map the file as it is); perf gives the offset into the file.
TEXT_RVA_OFFSET = 0x10000
FRAME = re.compile(r'\s*([0-9a-f]+)\s+(.*)\s+\((.*)\)$')


def frame_name(line):
    m = FRAME.match(line)
    if not m:
        return line.strip()
    addr, sym, dso = m.group(1), m.group(2), os.path.basename(m.group(3))
    if dso in maps:
        rows, rva = maps[dso], int(addr, 16) + TEXT_RVA_OFFSET
        i = bisect.bisect_right(rows, (rva, 1 << 62, '')) - 1
        if i >= 0 and rows[i][0] <= rva < rows[i][0] + rows[i][1]:
            return 'HvLint: ' + re.sub(r'^HvLint_(Analyzers|Core)_HvLint_', '', rows[i][2])
        return 'HvLint: ' + dso
    if sym == '[unknown]':
        return '[' + dso + ']'
    return re.sub(r'\[(QuickJitted|Optimized\w*|Tier\w*|Instrumented\w*|PreJIT)\]|\+0x[0-9a-f]+$', '', sym) + ' @' + dso


# A method of HvLint's that the JIT compiled (a hot method compiled again at a higher tier), as the perf map names it:
# "bool [HvLint.Analyzers] HvLint.Analyzers.SourceScan::Mentions(...)". CoreLib's code over HvLint's types names CoreLib's
# assembly in the brackets, and is not HvLint's.
JIT_METHOD = re.compile(r'\[HvLint\.(?:Analyzers|Core)\] HvLint\.([\w.`]+)::([\w`<>.]+)')


def hvlint_method(name):
    """The HvLint method a frame is in, named as the images' maps name it ('Analyzers_SourceScan__Mentions'), or None."""
    if name.startswith('HvLint: '):
        return name[8:]
    m = JIT_METHOD.search(name)
    return m.group(1).replace('.', '_') + '__' + m.group(2) if m else None


def category(callee):
    if 'CodeAnalysis' in callee:
        return 'Roslyn (binding, syntax, reporting)'
    if 'libcoreclr' in callee:
        return 'the runtime (type loading, call fixups, allocation)'
    if callee.startswith('stub '):
        return 'stubs (call thunks, interface dispatch, generic lookups)'
    if 'libclrjit' in callee:
        return 'the JIT'
    if 'perf-' in callee:
        return "JIT-compiled code (hot methods compiled again, generic instantiations over HvLint's types)"
    if 'CoreLib' in callee or 'Collections' in callee or 'Linq' in callee:
        return "CoreLib's precompiled code"
    if 'kallsyms' in callee:
        return 'the kernel'
    return 'other'


compiles = []
for path in outputs:
    split, inclusive, samples = collections.Counter(), collections.Counter(), 0
    with open(path, errors='replace') as f:
        block = []
        for line in list(f) + ['']:
            if line.strip():
                block.append(line.rstrip('\n'))
                continue
            frames = block[1:]
            block = []
            if not any('HvLint' in x for x in frames):
                continue
            names = [frame_name(x) for x in frames]
            methods = [hvlint_method(n) for n in names]
            # A stack that perf cut short (127 frames, deep in Roslyn's binding) may name HvLint's types without a
            # method of HvLint's on it: not counted.
            innermost = next((i for i, m in enumerate(methods) if m is not None), None)
            if innermost is None:
                continue
            samples += 1
            split["HvLint's own code" if innermost == 0 else category(names[innermost - 1])] += 1
            for m in set(methods):
                if m is not None:
                    inclusive[m] += 1
    compiles.append((samples, split, inclusive))

n = len(compiles)
total = sum(c[0] for c in compiles)
print(f"HvLint's samples (999 a second) in {n} compiles: {', '.join(str(c[0]) for c in compiles)}")
split = sum((c[1] for c in compiles), collections.Counter())
print('by what the innermost HvLint method was running (mean per compile, share):')
for k, v in split.most_common():
    print(f'  {v / n:6.1f}  {100 * v / total:4.1f}%  {k}')
inclusive = sum((c[2] for c in compiles), collections.Counter())
print('HvLint methods with the most samples under them (mean per compile):')
for k, v in inclusive.most_common(25):
    print(f'  {v / n:6.1f}  {k}')
