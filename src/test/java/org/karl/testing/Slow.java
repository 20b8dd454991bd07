package org.karl.testing;

/**
 * JUnit category of the tests that the fast tier ({@code mvn -B test -Pfast}) leaves out: real
 * training, child JVMs and processes, plain ImageJ under Xvfb, Spark, SciJava contexts, whole
 * {@code karl eval}/{@code karl bench} runs and many full model builds. The full suite
 * ({@code mvn -B test}) runs them all. Mark a test class {@code @Category(Slow.class)} when it
 * needs more than about ten seconds on two idle cores, so that the fast tier stays a few minutes
 * and still reaches every package (README, "Tests").
 */
public interface Slow {}
