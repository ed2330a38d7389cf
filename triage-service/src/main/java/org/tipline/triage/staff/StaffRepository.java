package org.tipline.triage.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface StaffRepository extends Repository<StaffMember, UUID> {

    Optional<StaffMember> findByUsername(String username);

    Optional<StaffMember> findById(UUID id);

    List<StaffMember> findAllByOrderByUsername();
}
