package dev.connectome.report.svg;

/**
 * Maps a data interval linearly onto a pixel interval (the pixel interval may run backwards,
 * as the y axis does in SVG).
 */
public record LinearScale(double domainLo, double domainHi, double rangeLo, double rangeHi) {

    public LinearScale {
        if (!(domainHi > domainLo) || !Double.isFinite(domainLo) || !Double.isFinite(domainHi)) {
            throw new IllegalArgumentException("scale domain must be finite and non-empty, got ["
                    + domainLo + ", " + domainHi + "]");
        }
    }

    /** Pixel position of data value v. */
    public double apply(double v) {
        return rangeLo + (v - domainLo) / (domainHi - domainLo) * (rangeHi - rangeLo);
    }
}
