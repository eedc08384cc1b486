package dev.awsconnectors.layeringfixture.stray;

/** A class in a package that no tier names. */
public final class Unplaced {
}
