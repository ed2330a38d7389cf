/**
 * The supervisor's view of the audit trail: a module nested in {@code audit} that uses both the trail and the signed-in
 * staff member, while {@code staff} appends to the trail. Kept apart so the two modules do not depend on each other.
 */
@ApplicationModule(displayName = "Audit viewer")
package org.tipline.triage.audit.web;

import org.springframework.modulith.ApplicationModule;
