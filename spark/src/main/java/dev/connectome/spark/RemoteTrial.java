package dev.connectome.spark;

import java.io.Serializable;

/**
 * One trial as shipped to a Spark task: everything needed to evaluate it, in serialisable form.
 *
 * @param number         trial number
 * @param architecture   the candidate as its space formats it
 * @param evaluationSeed seed of the trial's evaluation generator
 */
record RemoteTrial(int number, String architecture, long evaluationSeed) implements Serializable {
}
