package org.tipline.triage.tips.web;

/** What a coordinator typed into the search box, kept as typed to show again. */
record SearchForm(String q) {

    SearchForm {
        q = q == null ? "" : q;
    }

    boolean isBlank() {
        return q.isBlank();
    }
}
