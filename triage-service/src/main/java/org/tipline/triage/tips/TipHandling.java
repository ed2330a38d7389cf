package org.tipline.triage.tips;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.tip.Attachments;
import org.tipline.model.tip.Messages;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersCodec;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/**
 * What a coordinator does with one tip. Every method appends to the audit chain in the same transaction. Changes
 * that replace what is there (status, labels, assignee) carry the version the coordinator saw: if someone changed
 * the tip since, {@link TipChangedException} is thrown and nothing is written. Notes and messages only add, so they
 * never conflict.
 */
@Service
@IsCoordinator
public class TipHandling {

    public static final int MAX_NOTE_LENGTH = 4000;
    public static final int MAX_LABELS = 10;
    /** Lowercase letters of any script (Spanish, Hebrew, Chinese...), digits and dashes: words, never sentences. */
    public static final Pattern LABEL = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Nd}][\\p{Ll}\\p{Lo}\\p{Mn}\\p{Nd}-]{0,29}");

    private final TipRepository tips;
    private final ReferralRepository referrals;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Guidance guidance;
    private final Clock clock;
    private final ChildProtectionPolicy childProtection;
    private final TipLinks links;

    TipHandling(
            TipRepository tips,
            ReferralRepository referrals,
            JdbcClient jdbc,
            AuditTrail audit,
            Guidance guidance,
            TipLinks links,
            Clock clock) {
        this.links = links;
        this.tips = tips;
        this.referrals = referrals;
        this.jdbc = jdbc;
        this.audit = audit;
        this.guidance = guidance;
        this.clock = clock;
        this.childProtection = new ChildProtectionPolicy(guidance);
    }

    /**
     * Decrypts a tip with its notes and conversation and marks it read for me. Opening changes nothing about the tip:
     * only claiming it (take, take-next, assignment) moves it into review, so a tip someone merely looked at stays
     * first in line.
     */
    @Transactional
    public OpenedTip open(UUID tipId, StaffPrincipal coordinator, UnlockedKeys keys, boolean auditView) {
        Tip tip = find(tipId);
        byte[] dataKey = dataKey(tip, keys);
        try {
            TipAnswers answers = decode(tip, dataKey);
            jdbc.sql("""
                            INSERT INTO tip_seen (staff_id, tip_id, seen_at) VALUES (:me, :tip, :now)
                            ON CONFLICT (staff_id, tip_id) DO UPDATE SET seen_at = excluded.seen_at
                            """)
                    .param("me", coordinator.id())
                    .param("tip", tipId)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            if (auditView) {
                audit.append(coordinator.username(), "TIP_OPENED", tipId, "");
            }
            return new OpenedTip(
                    tip,
                    answers,
                    referrals.findByTipIdOrderByRecordedAt(tipId),
                    labels(tipId),
                    timeline(tip, dataKey, keys),
                    attachments(tipId),
                    links.linksOf(tipId, answers, keys, other -> answersOrNone(other, keys)),
                    caseOf(tipId),
                    alerts(tipId));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** What a coordinator records after forwarding a tip by phone or through the destination's own form. */
    public record ManualReferral(
            String destinationId,
            Referral.Channel channel,
            String referenceNumber,
            String contactPerson,
            Instant contactedAt) {}

    /** Records that the tip was forwarded by hand to a directory destination. */
    @Transactional
    public Referral refer(UUID tipId, ManualReferral made, StaffPrincipal coordinator) {
        requireDestination(made.destinationId());
        Tip tip = find(tipId);
        tip.markReferred();
        Referral referral = referrals.save(Referral.manual(
                tipId,
                made.destinationId(),
                made.channel(),
                made.referenceNumber(),
                made.contactPerson(),
                made.contactedAt(),
                coordinator.id(),
                clock.instant()));
        audit.append(
                coordinator.username(),
                "REFERRAL_RECORDED",
                tipId,
                "destination=" + made.destinationId() + " channel=" + made.channel() + " referral=" + referral.id());
        return referral;
    }

    /**
     * Puts an email referral in the outbox: the message is already S/MIME ciphertext for the destination, so nothing
     * readable is stored. The outbox sends it and records the delivery.
     */
    @Transactional
    public Referral queueEmailReferral(
            UUID tipId,
            UUID referralId,
            String destinationId,
            String recipient,
            byte[] smimeMessage,
            StaffPrincipal coordinator) {
        requireDestination(destinationId);
        Tip tip = find(tipId);
        tip.markReferred();
        Referral referral = referrals.save(
                Referral.queuedEmail(referralId, tipId, destinationId, recipient, coordinator.id(), clock.instant()));
        referrals.flush();
        jdbc.sql("UPDATE referral SET smime_message = :message, next_attempt_at = :now WHERE id = :id")
                .param("message", smimeMessage)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", referralId)
                .update();
        audit.append(
                coordinator.username(),
                "REFERRAL_QUEUED",
                tipId,
                "destination=" + destinationId + " channel=EMAIL referral=" + referralId);
        return referral;
    }

    /** The tip's answers and referrals, decrypted to prepare a referral packet; the preparation is audited. */
    @Transactional
    public PacketSource packetSource(UUID tipId, StaffPrincipal coordinator, UnlockedKeys keys) {
        Tip tip = find(tipId);
        TipAnswers answers = answers(tip, keys);
        audit.append(coordinator.username(), "PACKET_PREPARED", tipId, "");
        return new PacketSource(tip, answers);
    }

    /** What a referral packet is made from. */
    public record PacketSource(Tip tip, TipAnswers answers) {}

    private void requireDestination(String destinationId) {
        if (guidance.destination(destinationId).isEmpty()) {
            throw new IllegalArgumentException("not a destination in the referral directory: " + destinationId);
        }
    }

    @Transactional
    public void changeStatus(UUID tipId, int seenVersion, TipStatus target, CloseReason reason, StaffPrincipal me) {
        Tip tip = findAt(tipId, seenVersion);
        if (target == TipStatus.CLOSED
                && !childProtection.allowsClosing(tip, referrals.findByTipIdOrderByRecordedAt(tipId))) {
            throw new ChildProtectionPolicy.ChildProtectionPendingException(childProtection
                    .childProtectionDestination()
                    .map(d -> "Someone in this tip may be under 18. Refer it to "
                            + d.name().in("en") + (d.phone() == null ? "" : " (" + d.phone() + ")")
                            + " before closing it.")
                    .orElse("Someone in this tip may be under 18; refer it to child protection before closing it."));
        }
        tip.changeStatus(target, reason, clock.instant());
        tips.flush();
        audit.append(
                me.username(),
                "STATUS_CHANGED",
                tipId,
                "status=" + target + (reason == null ? "" : " reason=" + reason));
    }

    /** Assigns or transfers the tip to a coordinator, or releases it (null). */
    @Transactional
    public void assign(UUID tipId, int seenVersion, UUID coordinatorId, StaffPrincipal me) {
        Tip tip = findAt(tipId, seenVersion);
        tip.assignTo(coordinatorId);
        tips.flush();
        audit.append(
                me.username(), "TIP_ASSIGNED", tipId, "assignee=" + (coordinatorId == null ? "none" : coordinatorId));
    }

    /** Replaces the tip's labels. Labels are short lowercase words, never tip content. */
    @Transactional
    public void setLabels(UUID tipId, int seenVersion, List<String> labels, StaffPrincipal me) {
        if (labels.size() > MAX_LABELS
                || !labels.stream().allMatch(l -> LABEL.matcher(l).matches())) {
            throw new IllegalArgumentException("labels must be at most " + MAX_LABELS + " short lowercase words");
        }
        int updated = jdbc.sql("UPDATE tip SET labels = :labels, version = version + 1 "
                        + "WHERE id = :id AND version = :version")
                .param("labels", labels.toArray(String[]::new))
                .param("id", tipId)
                .param("version", seenVersion)
                .update();
        if (updated == 0) {
            throw new TipChangedException(find(tipId));
        }
        audit.append(me.username(), "LABELS_CHANGED", tipId, "labels=" + String.join(",", labels));
    }

    /** Adds a note sealed under the tip's own data key: readable only where the tip is. */
    @Transactional
    public void addNote(UUID tipId, String text, StaffPrincipal me, UnlockedKeys keys) {
        Tip tip = find(tipId);
        UUID noteId = UUID.randomUUID();
        byte[] dataKey = dataKey(tip, keys);
        try {
            jdbc.sql("INSERT INTO tip_note (id, tip_id, author, written_at, sealed) VALUES (:id, :tip, :me, :now, :s)")
                    .param("id", noteId)
                    .param("tip", tipId)
                    .param("me", me.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .param(
                            "s",
                            SealedField.seal(
                                    dataKey, tipId, noteField(noteId), 1, text.getBytes(StandardCharsets.UTF_8)))
                    .update();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        audit.append(me.username(), "NOTE_ADDED", tipId, "note=" + noteId);
    }

    /**
     * Sends a question to the tipster: sealed to their receipt-derived key for the follow-up page, and under the tip's
     * data key for staff. The tip then waits for the tipster, unless it is already forwarded or closed.
     */
    @Transactional
    public void askTipster(UUID tipId, String text, StaffPrincipal me, UnlockedKeys keys) {
        Tip tip = find(tipId);
        if (!tip.canMessageTipster()) {
            throw new IllegalStateException("this tip was filed without a reply key");
        }
        byte[] dataKey = dataKey(tip, keys);
        Messages.Sealed sealed;
        try {
            sealed = Messages.question(dataKey, tipId, tip.tipsterPublicKey(), text);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        jdbc.sql("""
                        INSERT INTO tip_message (id, tip_id, direction, sent_at, author, for_staff, for_tipster)
                        VALUES (:id, :tip, 'TO_TIPSTER', :now, :me, :staff, :tipster)
                        """)
                .param("id", sealed.id())
                .param("tip", tipId)
                .param("now", Timestamp.from(clock.instant()))
                .param("me", me.id())
                .param("staff", sealed.forStaff())
                .param("tipster", sealed.forTipster())
                .update();
        tip.awaitTipster();
        audit.append(me.username(), "TIPSTER_ASKED", tipId, "message=" + sealed.id());
    }

    /**
     * The tip's web address at {@code index} in {@link WebAddresses#in}, to open through a warning; empty when the tip
     * has no such address. Only an address that was opened is audited, by its index (the address is tip content).
     */
    @Transactional
    public Optional<String> followLink(UUID tipId, int index, StaffPrincipal me, UnlockedKeys keys) {
        List<String> addresses = WebAddresses.in(answers(find(tipId), keys));
        if (index < 0 || index >= addresses.size()) {
            return Optional.empty();
        }
        audit.append(me.username(), "LINK_FOLLOWED", tipId, "link=" + index);
        return Optional.of(addresses.get(index));
    }

    private List<TimelineEntry> timeline(Tip tip, byte[] dataKey, UnlockedKeys keys) {
        List<TimelineEntry> entries = new ArrayList<>();
        jdbc.sql("SELECT occurred_at, actor, action, detail FROM audit_entry WHERE tip_id = :id ORDER BY sequence")
                .param("id", tip.id())
                .query((rs, n) -> entries.add(new TimelineEntry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        TimelineEntry.Kind.ACTION,
                        rs.getString(3) + (rs.getString(4).isEmpty() ? "" : " (" + rs.getString(4) + ")"))))
                .list();
        jdbc.sql("""
                        SELECT n.id, n.written_at, s.display_name, n.sealed FROM tip_note n
                        JOIN staff s ON s.id = n.author WHERE n.tip_id = :id
                        """)
                .param("id", tip.id())
                .query((rs, n) -> {
                    UUID noteId = rs.getObject(1, UUID.class);
                    String text = new String(
                            SealedField.open(dataKey, tip.id(), noteField(noteId), 1, rs.getBytes(4)),
                            StandardCharsets.UTF_8);
                    return entries.add(new TimelineEntry(
                            rs.getTimestamp(2).toInstant(), rs.getString(3), TimelineEntry.Kind.NOTE, text));
                })
                .list();
        jdbc.sql("""
                        SELECT m.id, m.sent_at, m.direction, s.display_name, m.for_staff, m.epoch, m.wrapped_key
                        FROM tip_message m LEFT JOIN staff s ON s.id = m.author WHERE m.tip_id = :id
                        """)
                .param("id", tip.id())
                .query((rs, n) -> {
                    UUID messageId = rs.getObject(1, UUID.class);
                    boolean fromTipster = rs.getString(3).equals("FROM_TIPSTER");
                    String text = fromTipster
                            ? Messages.openAnswer(
                                    keys.forEpoch(rs.getInt(6))
                                            .orElseThrow(() -> new KeyNotUnlockedException(tip.id())),
                                    messageId,
                                    rs.getBytes(7),
                                    rs.getBytes(5))
                            : Messages.openQuestion(dataKey, tip.id(), messageId, rs.getBytes(5));
                    return entries.add(new TimelineEntry(
                            rs.getTimestamp(2).toInstant(),
                            fromTipster ? "Tipster" : rs.getString(4),
                            fromTipster ? TimelineEntry.Kind.FROM_TIPSTER : TimelineEntry.Kind.TO_TIPSTER,
                            text));
                })
                .list();
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return List.copyOf(entries);
    }

    private List<String> labels(UUID tipId) {
        return jdbc.sql("SELECT unnest(labels) FROM tip WHERE id = :id")
                .param("id", tipId)
                .query(String.class)
                .list();
    }

    private Tip find(UUID tipId) {
        return tips.findById(tipId).orElseThrow(() -> new TipNotFoundException(tipId));
    }

    private Tip findAt(UUID tipId, int seenVersion) {
        Tip tip = find(tipId);
        if (tip.version() != seenVersion) {
            throw new TipChangedException(tip);
        }
        return tip;
    }

    private byte[] sealedAnswers(UUID tipId) {
        return jdbc.sql("SELECT sealed FROM tip_content WHERE tip_id = :id AND field = :field")
                .param("id", tipId)
                .param("field", TipAnswers.FIELD)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new TipShreddedException(tipId));
    }

    private byte[] dataKey(Tip tip, UnlockedKeys keys) {
        record Wrapped(int epoch, byte[] key) {}
        Wrapped wrapped = jdbc.sql("SELECT epoch, wrapped FROM tip_data_key WHERE tip_id = :id")
                .param("id", tip.id())
                .query((rs, row) -> new Wrapped(rs.getInt(1), rs.getBytes(2)))
                .optional()
                .orElseThrow(() -> new TipShreddedException(tip.id()));
        TipLineKeyPair key = keys.forEpoch(wrapped.epoch()).orElseThrow(() -> new KeyNotUnlockedException(tip.id()));
        return key.unwrapDataKey(tip.id(), wrapped.key());
    }

    private static String noteField(UUID noteId) {
        return "note:" + noteId;
    }

    /**
     * A tip with its decrypted answers, referrals, labels, handling timeline, the files the tipster added, the other
     * tips that mention the same things, and the tips a coordinator put in one case with it.
     */
    public record OpenedTip(
            Tip tip,
            TipAnswers answers,
            List<Referral> referrals,
            List<String> labels,
            List<TimelineEntry> timeline,
            List<AttachmentInfo> attachments,
            List<TipLinks.Link> links,
            List<CaseMember> sameCase,
            List<AlertDelivery> alerts) {}

    /** How the on-call alert for an urgent tip went, per channel. */
    public record AlertDelivery(String channel, String status, int attempts, String lastError, Instant deliveredAt) {}

    /** Another tip of the same case; {@code duplicateOf} is set when one repeats the other. */
    public record CaseMember(UUID tipId, Instant receivedAt, UUID duplicateOf) {}

    /**
     * Indexes, for linking, up to {@code limit} tips that have never been indexed under the linking key; this runs
     * inside a staff session because only a session holds the key. Returns how many were indexed.
     */
    @Transactional
    public int indexForLinks(int limit, StaffPrincipal me, UnlockedKeys keys) {
        int indexed = 0;
        for (UUID tipId : links.unindexed(keys, limit)) {
            Optional<Tip> tip = tips.findById(tipId);
            if (tip.isPresent() && links.index(tipId, answers(tip.get(), keys), keys)) {
                indexed++;
            }
        }
        audit.append(me.username(), "LINKS_INDEXED", null, "tips=" + indexed);
        return indexed;
    }

    /** Puts two tips in one case (joining the cases either is already in); both stay as they are. */
    @Transactional
    public void sameCase(UUID tipId, UUID otherId, StaffPrincipal me) {
        joinCase(tipId, otherId, null, me);
        audit.append(me.username(), "CASE_LINKED", tipId, "with=" + otherId);
    }

    /**
     * Marks a tip as a duplicate of another: both join one case, the duplicate is closed as DUPLICATE and points at
     * the tip it repeats. Nothing is deleted; the duplicate stays readable from the other tip.
     */
    @Transactional
    public void markDuplicate(UUID duplicateId, int seenVersion, UUID originalId, StaffPrincipal me) {
        Tip duplicate = findAt(duplicateId, seenVersion);
        List<Referral> bothReferrals = new ArrayList<>(referrals.findByTipIdOrderByRecordedAt(duplicateId));
        bothReferrals.addAll(referrals.findByTipIdOrderByRecordedAt(originalId));
        if (!childProtection.allowsClosing(duplicate, bothReferrals)) {
            throw new ChildProtectionPolicy.ChildProtectionPendingException(
                    "Someone in this tip may be under 18, and neither tip has been referred to child protection yet.");
        }
        joinCase(duplicateId, originalId, originalId, me);
        duplicate.changeStatus(TipStatus.CLOSED, CloseReason.DUPLICATE, clock.instant());
        tips.flush();
        audit.append(me.username(), "MERGED_AS_DUPLICATE", duplicateId, "of=" + originalId);
    }

    private void joinCase(UUID tipId, UUID otherId, UUID duplicateOf, StaffPrincipal me) {
        if (tipId.equals(otherId)) {
            throw new IllegalArgumentException("a tip cannot be linked to itself");
        }
        find(tipId);
        find(otherId);
        UUID caseId = caseIdOf(otherId).or(() -> caseIdOf(tipId)).orElseGet(UUID::randomUUID);
        caseIdOf(tipId)
                .filter(old -> !old.equals(caseId))
                .ifPresent(old -> jdbc.sql("UPDATE tip_case SET case_id = :case WHERE case_id = :old")
                        .param("case", caseId)
                        .param("old", old)
                        .update());
        for (UUID member : List.of(otherId, tipId)) {
            jdbc.sql("""
                            INSERT INTO tip_case (tip_id, case_id, duplicate_of, added_by, added_at)
                            VALUES (:tip, :case, :dup, :me, :now)
                            ON CONFLICT (tip_id) DO UPDATE SET case_id = excluded.case_id,
                                duplicate_of = coalesce(excluded.duplicate_of, tip_case.duplicate_of)
                            """)
                    .param("tip", member)
                    .param("case", caseId)
                    .param("dup", member.equals(tipId) ? duplicateOf : null, java.sql.Types.OTHER)
                    .param("me", me.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        }
    }

    private Optional<UUID> caseIdOf(UUID tipId) {
        return jdbc.sql("SELECT case_id FROM tip_case WHERE tip_id = :tip")
                .param("tip", tipId)
                .query(UUID.class)
                .optional();
    }

    private List<AlertDelivery> alerts(UUID tipId) {
        return jdbc.sql("""
                        SELECT channel, status, attempts, last_error, delivered_at FROM alert_outbox
                        WHERE tip_id = :tip ORDER BY channel
                        """)
                .param("tip", tipId)
                .query((rs, n) -> new AlertDelivery(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }

    private List<CaseMember> caseOf(UUID tipId) {
        return jdbc.sql("""
                        SELECT c.tip_id, t.received_at, c.duplicate_of FROM tip_case c JOIN tip t ON t.id = c.tip_id
                        WHERE c.case_id = (SELECT case_id FROM tip_case WHERE tip_id = :tip) AND c.tip_id <> :tip
                        ORDER BY t.received_at
                        """)
                .param("tip", tipId)
                .query((rs, n) -> new CaseMember(
                        rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class)))
                .list();
    }

    /** A candidate for a link that this session cannot read (another epoch, or shredded) simply does not match. */
    private TipAnswers answersOrNone(UUID tipId, UnlockedKeys keys) {
        try {
            return answers(find(tipId), keys);
        } catch (KeyNotUnlockedException | TipShreddedException | TipNotFoundException e) {
            return new TipAnswers("", "", "", "", "", false, "", "", "", List.of(), "", "", "");
        }
    }

    private TipAnswers answers(Tip tip, UnlockedKeys keys) {
        byte[] dataKey = dataKey(tip, keys);
        try {
            return decode(tip, dataKey);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private TipAnswers decode(Tip tip, byte[] dataKey) {
        return TipAnswersCodec.decode(
                SealedField.open(dataKey, tip.id(), TipAnswers.FIELD, tip.schemaVersion(), sealedAnswers(tip.id())));
    }

    /** What is known about a file without opening it. */
    public record AttachmentInfo(UUID id, String mediaType, int sizeBytes, Instant addedAt) {
        public boolean image() {
            return mediaType.startsWith("image/");
        }
    }

    /** A decrypted file, for display inside the console only. */
    public record OpenedAttachment(String mediaType, byte[] content) {}

    /** Decrypts one file of the tip, recording that it was looked at when {@code auditView}. */
    @Transactional
    public OpenedAttachment attachment(
            UUID tipId, UUID attachmentId, StaffPrincipal me, UnlockedKeys keys, boolean auditView) {
        record Stored(String mediaType, int epoch, byte[] wrapped, byte[] sealed) {}
        Stored stored = jdbc.sql("SELECT media_type, epoch, wrapped_key, sealed FROM tip_attachment "
                        + "WHERE id = :id AND tip_id = :tip")
                .param("id", attachmentId)
                .param("tip", tipId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getBytes(3), rs.getBytes(4)))
                .optional()
                .orElseThrow(() -> new TipNotFoundException(tipId));
        TipLineKeyPair key = keys.forEpoch(stored.epoch()).orElseThrow(() -> new KeyNotUnlockedException(tipId));
        byte[] content = Attachments.open(key, attachmentId, stored.wrapped(), stored.sealed());
        if (auditView) {
            audit.append(me.username(), "ATTACHMENT_VIEWED", tipId, "attachment=" + attachmentId);
        }
        return new OpenedAttachment(stored.mediaType(), content);
    }

    private List<AttachmentInfo> attachments(UUID tipId) {
        return jdbc.sql("SELECT id, media_type, size_bytes, added_at FROM tip_attachment WHERE tip_id = :id "
                        + "ORDER BY added_at, id")
                .param("id", tipId)
                .query((rs, n) -> new AttachmentInfo(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** One line of a tip's history: an audited action, a sealed note, or a message either way. */
    public record TimelineEntry(Instant at, String who, Kind kind, String text) {
        public enum Kind {
            ACTION,
            NOTE,
            TO_TIPSTER,
            FROM_TIPSTER
        }
    }

    public static class TipNotFoundException extends RuntimeException {
        TipNotFoundException(UUID id) {
            super("no tip " + id);
        }
    }

    /** The tip's data key is gone (crypto-shredded), so its content can never be read again. */
    public static class TipShreddedException extends RuntimeException {
        TipShreddedException(UUID id) {
            super("tip " + id + " has no data key");
        }
    }

    /** The signed-in staff member holds no grant for the key epoch this tip was sealed under. */
    public static class KeyNotUnlockedException extends RuntimeException {
        KeyNotUnlockedException(UUID id) {
            super("no unlocked tip-line key for tip " + id);
        }
    }

    /** Someone changed the tip after the coordinator loaded it; {@link #current()} is what it is now. */
    public static class TipChangedException extends RuntimeException {
        private final transient Tip current;

        TipChangedException(Tip current) {
            super("tip " + current.id() + " changed");
            this.current = current;
        }

        public Tip current() {
            return current;
        }
    }
}
