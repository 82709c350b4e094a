#!/usr/bin/env python3
"""Packs rendered PNGs into a Windows .ico and a macOS .icns (both formats may embed PNG data).

Usage: pack-icons.py PNG_DIR ICO_OUT ICNS_OUT  (PNG_DIR holds podium-<size>.png)
"""
import struct
import sys
from pathlib import Path

png_dir, ico_out, icns_out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])


def png(size):
    return (png_dir / f"podium-{size}.png").read_bytes()


# ICO: ICONDIR (reserved 0, type 1, count) + one 16-byte entry per image, then the PNG data.
sizes = [16, 32, 48, 64, 128, 256]
blobs = [png(s) for s in sizes]
offset = 6 + 16 * len(sizes)
header = struct.pack("<HHH", 0, 1, len(sizes))
entries = b""
for size, blob in zip(sizes, blobs):
    dim = 0 if size == 256 else size  # 0 means 256
    entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
    offset += len(blob)
ico_out.write_bytes(header + entries + b"".join(blobs))

# ICNS: 'icns' + total length, then (type, length incl. 8-byte header, PNG data) chunks.
types = {"icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256, "ic09": 512}
chunks = b"".join(
    t.encode() + struct.pack(">I", 8 + len(png(s))) + png(s) for t, s in types.items())
icns_out.write_bytes(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)
