package org.tipline.model.guidance;

/** A warning sign of trafficking, with a plain explanation a tipster can recognize. */
public record Indicator(String id, LocalizedText label, LocalizedText explanation) {}
