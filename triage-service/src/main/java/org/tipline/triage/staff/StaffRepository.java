package org.tipline.triage.staff;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface StaffRepository extends Repository<StaffMember, UUID> {

    Optional<StaffMember> findByUsername(String username);
}
