package dev.connectome.nas.study;

/** A value a trial reported while running (e.g. validation accuracy after an epoch). */
public record IntermediateValue(int step, double value) {
}
