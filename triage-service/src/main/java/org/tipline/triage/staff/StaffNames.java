package org.tipline.triage.staff;

import java.util.HashMap;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.triage.security.IsSupervisor;

/** Who an id in the audit trail is, so the supervisor reads "Assigned the tip to Ana" rather than an account id. */
@Service
@IsSupervisor
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class StaffNames {

    private final StaffRepository staff;

    /** Every account's display name by its id, including accounts since disabled. */
    @Transactional(readOnly = true)
    public Map<String, String> byId() {
        Map<String, String> names = new HashMap<>();
        staff.findAllByOrderByUsername().forEach(member -> names.put(member.id().toString(), member.displayName()));
        return names;
    }
}
