#!/usr/bin/env python3
"""Embed files into a C source as byte arrays.

usage: embed.py OUT.c SYMBOL FILE...
Writes `const struct embedded_file SYMBOL[]` (see src/util/embed.h),
one entry per FILE named by its basename, in the order given, ended by
an entry with name NULL. Data is NUL-terminated for convenience.
"""
import os
import sys

out, sym, files = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(out, "w") as f:
    f.write('#include "util/embed.h"\n\n')
    for i, path in enumerate(files):
        data = open(path, "rb").read()
        f.write("static const unsigned char %s_%d[] = {\n" % (sym, i))
        for j in range(0, len(data), 16):
            f.write("".join("%d," % b for b in data[j:j + 16]) + "\n")
        f.write("0};\n")
    f.write("const struct embedded_file %s[] = {\n" % sym)
    for i, path in enumerate(files):
        data = open(path, "rb").read()
        f.write('\t{ "%s", (const char *)%s_%d, %d },\n'
                % (os.path.basename(path), sym, i, len(data)))
    f.write("\t{ 0, 0, 0 }\n};\n")
