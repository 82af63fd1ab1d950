#!/usr/bin/env python3
"""Independent numpy reference for the MNIST256 transform (golden values for Mnist256Test).

WANN's classify_gym.py makes MNIST256 as deskew(cv2.resize(img / 255.0, (16, 16)), (16, 16)) on
float64 images. OpenCV is not installable here, so this file re-states OpenCV's formulas
(imgproc/src/resize.cpp, moments.cpp, imgwarp.cpp, OpenCV 3.x/4.x generic C++ paths) in numpy:

resize, INTER_LINEAR, float64 source (so no 8-bit fixed-point coefficients are involved):
  scale = 28/16; for each output column dx: fx = float32((dx + 0.5) * scale - 0.5); sx = floor(fx);
  fx -= sx; at the borders sx < 0 -> (sx, fx) = (0, 0) and sx >= W-1 -> (W-1, 0); the weights are
  float32 (1 - fx, fx); a horizontal pass D = S[sx]*a0 + S[sx+1]*a1, then a vertical pass
  out = D[sy]*b0 + D[sy+1]*b1, both accumulated in float64.
moments: per row x0 += p, x1 += x*p, x2 += x*x*p (x = column), then m00 += x0, m01 += y*x0,
  m02 += x0*y*y, m10 += x1, m11 += x1*y, m20 += x2; cy = m01 * (1/m00);
  mu11 = m11 - m10*cy, mu02 = m02 - m01*cy.
deskew: if |mu02| < 1e-2 the image is kept; else skew = mu11/mu02 and
  M = float32([[1, skew, -8*skew], [0, 1, 0]]) used as the inverse map dst(x,y) = src(M (x,y,1)).
warpAffine, INTER_LINEAR: OpenCV quantises source coordinates to 1/32 pixel (INTER_BITS = 5):
  X0 = cvRound((M01*y + M02) * 1024) + 16, X = (X0 + cvRound(M00*x*1024)) >> 5, same for Y
  (cvRound = round half to even); the integer pixel is X >> 5 and the fraction (X & 31)/32 picks
  float32 weights (1 - a, a) per axis (2-D weight = float32 product); taps outside the image read 0
  (BORDER_CONSTANT, value 0). The sum w0*S00 + w1*S01 + w2*S10 + w3*S11 is taken in float64.

Residual differences from real cv2: none known for the generic paths above; builds that route
resize or warpAffine through IPP or the SIMD warp kernels of OpenCV >= 4.11 may differ by a few
1e-3 where the 1/32-pixel quantisation does not apply (the script prints how large that effect is).

Usage: python3 nas/scripts/mnist256_reference.py [MNIST_DIR]
Writes nas/src/test/resources/data/mnist256/digits-idx3-ubyte (the input digits, raw IDX) and
expected.txt (one line of 256 values per digit, row-major, %.9g).
"""
import gzip
import math
import os
import struct
import sys

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(REPO, "nas", "src", "test", "resources", "data", "mnist256")
# t10k indices: the first three test digits (7, 2, 1) and one strongly slanted digit.
PICK = [0, 1, 2, 18]


def resize_linear(src, dh, dw):
    sh, sw = src.shape

    def coeffs(dsize, ssize):
        scale = 1.0 / (float(dsize) / ssize)  # OpenCV: scale_x = 1./inv_scale_x
        idx, w = [], []
        for d in range(dsize):
            f = np.float32((d + 0.5) * scale - 0.5)
            s = int(math.floor(f))
            f = np.float32(f - np.float32(s))
            if s < 0:
                s, f = 0, np.float32(0)
            if s >= ssize - 1:
                s, f = ssize - 1, np.float32(0)
            idx.append(s)
            w.append((np.float32(1) - f, f))
        return idx, w

    xo, xw = coeffs(dw, sw)
    yo, yw = coeffs(dh, sh)
    hor = np.zeros((sh, dw))
    for r in range(sh):
        for d in range(dw):
            s = xo[d]
            s1 = min(s + 1, sw - 1)
            hor[r, d] = src[r, s] * float(xw[d][0]) + src[r, s1] * float(xw[d][1])
    out = np.zeros((dh, dw))
    for d in range(dh):
        s = yo[d]
        s1 = min(s + 1, sh - 1)
        for c in range(dw):
            out[d, c] = hor[s, c] * float(yw[d][0]) + hor[s1, c] * float(yw[d][1])
    return out


def moments(img):
    m00 = m01 = m02 = m10 = m11 = m20 = 0.0
    h, w = img.shape
    for y in range(h):
        x0 = x1 = x2 = 0.0
        for x in range(w):
            p = float(img[y, x])
            xp = x * p
            x0 += p
            x1 += xp
            x2 += xp * x
        m20 += x2
        m11 += x1 * y
        m02 += x0 * (y * y)
        m10 += x1
        m01 += y * x0
        m00 += x0
    inv = 1.0 / m00 if abs(m00) > np.finfo(float).eps else 0.0
    cy = m01 * inv
    return m11 - m10 * cy, m02 - m01 * cy


def warp_affine_inverse(src, m, quantise=True):
    h, w = src.shape
    m = [float(v) for v in np.asarray(m, dtype=np.float32).ravel()]
    out = np.zeros((h, w))
    for y in range(h):
        for x in range(w):
            if quantise:
                X0 = int(np.rint((m[1] * y + m[2]) * 1024)) + 16
                Y0 = int(np.rint((m[4] * y + m[5]) * 1024)) + 16
                X = (X0 + int(np.rint(m[0] * x * 1024))) >> 5
                Y = (Y0 + int(np.rint(m[3] * x * 1024))) >> 5
                sx, sy = X >> 5, Y >> 5
                ax, ay = np.float32((X & 31) / 32.0), np.float32((Y & 31) / 32.0)
            else:
                fx, fy = m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]
                sx, sy = int(math.floor(fx)), int(math.floor(fy))
                ax, ay = fx - sx, fy - sy
            wx = (np.float32(1) - ax, ax)
            wy = (np.float32(1) - ay, ay)
            acc = 0.0
            for i, (dy, dx) in enumerate(((0, 0), (0, 1), (1, 0), (1, 1))):
                wt = float(np.float32(wy[dy] * wx[dx])) if quantise else float(wy[dy]) * float(wx[dx])
                yy, xx = sy + dy, sx + dx
                v = float(src[yy, xx]) if 0 <= yy < h and 0 <= xx < w else 0.0
                acc += v * wt
            out[y, x] = acc
    return out


def deskew(img, quantise=True):
    mu11, mu02 = moments(img)
    if abs(mu02) < 1e-2:
        return img.copy()
    skew = mu11 / mu02
    n = img.shape[0]
    return warp_affine_inverse(img, [[1, skew, -0.5 * n * skew], [0, 1, 0]], quantise)


def mnist256(img_u8):
    return deskew(resize_linear(img_u8.astype(np.float64) / 255.0, 16, 16))


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(REPO), "shared", "data", "mnist")
    with gzip.open(os.path.join(src, "t10k-images-idx3-ubyte.gz"), "rb") as f:
        data = f.read()
    images = np.frombuffer(data, dtype=np.uint8, offset=16).reshape(-1, 28, 28)
    picked = images[PICK]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "digits-idx3-ubyte"), "wb") as f:
        f.write(struct.pack(">IIII", 0x803, len(PICK), 28, 28) + picked.tobytes())
    worst = 0.0
    with open(os.path.join(OUT, "expected.txt"), "w") as f:
        f.write("# MNIST256 of t10k digits %s, made by nas/scripts/mnist256_reference.py\n" % PICK)
        for img in picked:
            out = mnist256(img)
            f.write(" ".join("%.9g" % v for v in out.ravel()) + "\n")
            exact = deskew(resize_linear(img.astype(np.float64) / 255.0, 16, 16), quantise=False)
            worst = max(worst, float(np.abs(out - exact).max()))
    print("wrote", OUT, "; max |quantised - unquantised warp| =", worst)


if __name__ == "__main__":
    main()
