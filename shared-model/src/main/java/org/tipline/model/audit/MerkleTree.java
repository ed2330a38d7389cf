package org.tipline.model.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 Merkle tree hashing over audit leaf hashes ({@link AuditChain#leafHash}), with inclusion and consistency
 * proofs and their verification (RFC 9162 sections 2.1.3 and 2.1.4). A signed root lets anyone holding an old
 * checkpoint prove later trees only appended to it.
 */
public final class MerkleTree {

    private MerkleTree() {}

    /** MTH over {@code leafHashes}; the empty tree's root is SHA-256 of nothing. */
    public static byte[] root(List<byte[]> leafHashes) {
        return root(leafHashes, 0, leafHashes.size());
    }

    /** The audit path for the leaf at {@code index} in the tree of all {@code leafHashes}. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, index, 0, leafHashes.size(), path);
        return path;
    }

    /** The proof that the tree of the first {@code oldSize} leaves is a prefix of the tree of all of them. */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int oldSize) {
        if (oldSize < 1 || oldSize > leafHashes.size()) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(leafHashes, oldSize, 0, leafHashes.size(), true, proof);
        return proof;
    }

    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= treeSize) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    public static boolean verifyConsistency(
            long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (oldSize < 1 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) {
            path.add(0, oldRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return AuditChain.sha256().digest();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return node(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(leaves, index, from, from + k, out);
            out.add(root(leaves, from + k, to));
        } else {
            path(leaves, index - k, from + k, to, out);
            out.add(root(leaves, from, from + k));
        }
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(root(leaves, from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, out);
            out.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, out);
            out.add(root(leaves, from, from + k));
        }
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = AuditChain.sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /**
     * A tree grown one leaf at a time, holding only the roots of its perfect subtrees (one per bit of its size), so
     * the root of a chain of any length is computed in logarithmic memory. Its root equals {@link #root(List)} over the
     * same leaves: RFC 9162 splits at the largest power of two, which is how these subtrees lie.
     */
    public static final class Frontier {

        /** Roots of the perfect subtrees, largest first; their sizes are the set bits of {@code size}. */
        private final List<byte[]> roots = new ArrayList<>();

        private long size;

        public void add(byte[] leafHash) {
            byte[] subtree = leafHash;
            // Each trailing one bit of the size is a subtree as large as the one being carried: merge them.
            for (long carry = size; (carry & 1) == 1; carry >>= 1) {
                subtree = node(roots.remove(roots.size() - 1), subtree);
            }
            roots.add(subtree);
            size++;
        }

        /**
         * The frontier of a tree of {@code size} leaves from {@link #encoded()}; its subtree sizes are the bits of
         * {@code size}, largest first.
         */
        public static Frontier restore(long size, byte[] encoded) {
            if (size < 0 || encoded.length != Long.bitCount(size) * 32) {
                throw new IllegalArgumentException("not the frontier of a tree of " + size + " leaves");
            }
            var frontier = new Frontier();
            for (int at = 0; at < encoded.length; at += 32) {
                frontier.roots.add(java.util.Arrays.copyOfRange(encoded, at, at + 32));
            }
            frontier.size = size;
            return frontier;
        }

        /** The subtree roots, largest first, for storing beside a checkpoint. */
        public byte[] encoded() {
            byte[] encoded = new byte[roots.size() * 32];
            for (int i = 0; i < roots.size(); i++) {
                System.arraycopy(roots.get(i), 0, encoded, i * 32, 32);
            }
            return encoded;
        }

        public long size() {
            return size;
        }

        /** MTH over the leaves added so far. */
        public byte[] root() {
            if (roots.isEmpty()) {
                return AuditChain.sha256().digest();
            }
            byte[] root = roots.get(roots.size() - 1);
            for (int i = roots.size() - 2; i >= 0; i--) {
                root = node(roots.get(i), root);
            }
            return root;
        }
    }
}
