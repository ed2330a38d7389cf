package org.tipline.model.guidance;

/** A support service shown to the tipster after they report. */
public record SupportResource(
        String id,
        LocalizedText name,
        String phone,
        String text,
        LocalizedText hours,
        LocalizedText offers,
        String source) {}
