package org.tipline.triage.staff;

public enum StaffRole {
    COORDINATOR,
    SUPERVISOR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
