#!/usr/bin/env python3
"""Write the small reader fixtures under nas/src/test/resources/data/ (idx/, cifar/, csv/).

Deterministic: rerunning reproduces the committed bytes (gzip mtime 0). Each bad file has one
defect, named by its file name; the tests check that the reader's message names the file and the defect.
"""
import gzip
import io
import os
import struct

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(REPO, "nas", "src", "test", "resources", "data")

N, ROWS, COLS = 4, 3, 2
PIXELS = bytes((17 * i + 5) % 256 for i in range(N * ROWS * COLS))  # 0..255 spread, deterministic
LABELS = bytes([3, 0, 9, 1])


def images(count=N, body=PIXELS, magic=0x803):
    return struct.pack(">IIII", magic, count, ROWS, COLS) + body


def labels(values=LABELS, count=None, magic=0x801):
    return struct.pack(">II", magic, len(values) if count is None else count) + values


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as g:
        g.write(data)
    return buf.getvalue()


def write(rel, data):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def main():
    write("idx/good-images-idx3-ubyte", images())
    write("idx/good-labels-idx1-ubyte", labels())
    # gzip'd copies without the .gz extension on one of them: readers sniff the magic number.
    write("idx/good-images-idx3-ubyte.gz", gz(images()))
    write("idx/good-labels-idx1-ubyte.gz", gz(labels()))
    write("idx/gzipped-no-extension-images", gz(images()))
    write("idx/empty-images-idx3-ubyte", b"")
    write("idx/wrong-magic-images-idx3-ubyte", images(magic=0x12345678))
    write("idx/short-header-images-idx3-ubyte", images()[:10])
    write("idx/truncated-images-idx3-ubyte", images(body=PIXELS[:15]))
    write("idx/count-too-large-images-idx3-ubyte", images(count=60000))
    write("idx/trailing-images-idx3-ubyte", images(body=PIXELS + b"junk!"))
    write("idx/out-of-range-labels-idx1-ubyte", labels(bytes([3, 0, 12, 1])))
    write("idx/three-labels-idx1-ubyte", labels(bytes([3, 0, 9])))
    write("idx/truncated-labels-idx1-ubyte", labels(count=9))
    good = gz(images())
    corrupt = bytearray(good)
    for i in range(12, len(corrupt) - 10):
        corrupt[i] ^= 0x5A
    write("idx/corrupt-images-idx3-ubyte.gz", bytes(corrupt))
    write("idx/truncated-images-idx3-ubyte.gz", good[: len(good) // 2])

    # CIFAR-10 binary: label byte + 3072 pixel bytes (R, G, B planes of 32x32).
    rec = lambda label, seed: bytes([label]) + bytes((seed + 7 * i) % 256 for i in range(3072))
    write("cifar/good_batch.bin", rec(6, 1) + rec(9, 2))
    write("cifar/truncated_batch.bin", (rec(6, 1) + rec(9, 2))[:4000])
    write("cifar/bad_label_batch.bin", rec(6, 1) + rec(10, 2))
    write("cifar/empty_batch.bin", b"")

    write("csv/iris-like.csv",
          'sepal length,"species, name",petal "width"\n'
          '5.1,"setosa",0.2\n'
          '7.0,"versicolor",1.4\r\n'
          '6.3,"vir""ginica",2.5\n'
          '4.9,setosa,0.1\n\n')
    write("csv/numeric-labels.csv", "a,b,label\n1,2,0\n3,4,2\n5,6,007\n")
    write("csv/missing-value.csv", "x,y,label\n1,2,a\n3,,b\n")
    write("csv/not-a-number.csv", "x,y,label\n1,2,a\n3,four,b\n")
    write("csv/unclosed-quote.csv", 'x,label\n1,"a\n2,b\n')
    write("csv/ragged.csv", "x,y,label\n1,2,a\n3,b\n")
    write("csv/empty.csv", "")
    print("wrote fixtures under", OUT)


if __name__ == "__main__":
    main()
