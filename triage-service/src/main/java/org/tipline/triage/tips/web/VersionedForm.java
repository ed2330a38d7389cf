package org.tipline.triage.tips.web;

/** A form that replaces something on the tip, carrying the tip's version as the page showed it. */
interface VersionedForm {

    String version();

    /** The version shown, or -1 (which never matches, so the change is refused as a conflict) if it is not a number. */
    default int seenVersion() {
        return version().matches("\\d{1,9}") ? Integer.parseInt(version()) : -1;
    }
}
