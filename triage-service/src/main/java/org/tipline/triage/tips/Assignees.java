package org.tipline.triage.tips;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.security.IsCoordinator;

/**
 * Who a tip can be given to: a coordinator can only work a tip sealed under a key epoch they hold a grant for. Grants
 * are made by a coordinator who holds the key, on the Keys page, so a refusal names those who can grant it.
 */
@JdbcAccess({JdbcAccess.Use.READ_MODEL})
@Service
@IsCoordinator
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Assignees {

    private final JdbcClient jdbc;

    /** A coordinator account as the tip sees it: whether it is enabled and whether it can read this tip. */
    public record Assignee(UUID id, String displayName, boolean enabled, boolean canRead) {}

    /** Every coordinator account, disabled ones included, so a disabled assignee shows as such. */
    public List<Assignee> of(UUID tipId) {
        return jdbc.sql("""
                        SELECT s.id, s.display_name, s.enabled,
                               EXISTS (SELECT 1 FROM key_grant g JOIN tip_data_key k ON k.epoch = g.epoch
                                       WHERE g.staff_id = s.id AND k.tip_id = :tip)
                        FROM staff s JOIN staff_role r ON r.staff_id = s.id AND r.role = 'COORDINATOR'
                        ORDER BY s.display_name
                        """)
                .param("tip", tipId)
                .query((rs, n) ->
                        new Assignee(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
                .list();
    }

    /** Why this tip cannot go to this coordinator, or empty when it can; worded by the console's messages. */
    public Optional<MessageSourceResolvable> refusal(UUID tipId, UUID coordinatorId) {
        List<Assignee> all = of(tipId);
        Assignee target = all.stream()
                .filter(a -> a.id().equals(coordinatorId))
                .findFirst()
                .orElse(null);
        if (target == null || !target.enabled()) {
            return Optional.of(new DefaultMessageSourceResolvable("tip.error.assignee.enabled"));
        }
        if (target.canRead()) {
            return Optional.empty();
        }
        return Optional.of(new DefaultMessageSourceResolvable(
                new String[] {"tip.error.assignee.noKey"}, new Object[] {target.displayName(), whoCanGrant(all)}));
    }

    /** Whom someone without the key should ask. */
    public MessageSourceResolvable whoCanGrant(UUID tipId) {
        return whoCanGrant(of(tipId));
    }

    private static MessageSourceResolvable whoCanGrant(List<Assignee> all) {
        List<String> holders = all.stream()
                .filter(a -> a.enabled() && a.canRead())
                .map(Assignee::displayName)
                .toList();
        return holders.isEmpty()
                ? new DefaultMessageSourceResolvable("tip.grant.nobody")
                : new DefaultMessageSourceResolvable(
                        new String[] {"tip.grant.holders"}, new Object[] {String.join(", ", holders)});
    }
}
