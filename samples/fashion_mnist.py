#!/usr/bin/env python3
"""Writes a Fashion-MNIST subset as PNG files in class folders: <out>/<class>/<n>.png.

Takes the first PER_CLASS images of each class from the t10k split of Debian's dataset-fashion-mnist
(IDX files), n being the image's index in that split. Standard library only.
"""
import gzip
import os
import struct
import sys
import zlib

CLASSES = ["t-shirt", "trouser", "pullover", "dress", "coat",
           "sandal", "shirt", "sneaker", "bag", "ankle-boot"]
PER_CLASS = 300


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    if data[0:3] != b"\x00\x00\x08":
        sys.exit(f"{path}: not an unsigned-byte IDX file")
    rank = data[3]
    shape = struct.unpack(f">{rank}I", data[4:4 + 4 * rank])
    return shape, data[4 + 4 * rank:]


def png(width, height, grey):
    """An 8-bit greyscale PNG; every row starts with filter byte 0."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    rows = b"".join(b"\x00" + grey[y * width:(y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def main(source, out):
    (count, height, width), pixels = read_idx(os.path.join(source, "t10k-images-idx3-ubyte.gz"))
    _, labels = read_idx(os.path.join(source, "t10k-labels-idx1-ubyte.gz"))
    taken = [0] * len(CLASSES)
    for name in CLASSES:
        os.makedirs(os.path.join(out, name), exist_ok=True)
    size = width * height
    for n in range(count):
        label = labels[n]
        if taken[label] == PER_CLASS:
            continue
        taken[label] += 1
        with open(os.path.join(out, CLASSES[label], f"{n}.png"), "wb") as f:
            f.write(png(width, height, pixels[n * size:(n + 1) * size]))
    print(f"fashion-mnist: {sum(taken)} images in {len(CLASSES)} class folders")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
