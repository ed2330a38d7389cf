package org.tipline.model.guidance;

public record Law(String id, String citation, LocalizedText summary) {}
