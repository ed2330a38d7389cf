package org.tipline.model.guidance;

/** A question a coordinator can send a tipster with one choice, in every language of the deployment. */
public record CannedQuestion(String id, LocalizedText text) {}
