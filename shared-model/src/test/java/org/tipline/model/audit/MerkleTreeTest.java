package org.tipline.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    private final List<byte[]> referenceLeaves = new ArrayList<>();
    private final List<String> referenceRoots = new ArrayList<>();
    private final List<String[]> referenceInclusions = new ArrayList<>();

    MerkleTreeTest() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/vectors/rfc6962-merkle.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.strip().split(" ");
                switch (parts[0]) {
                    case "leaf" ->
                        referenceLeaves.add(leafHash(parts.length > 1 ? HEX.parseHex(parts[1]) : new byte[0]));
                    case "root" -> referenceRoots.add(parts[2]);
                    case "inclusion" -> referenceInclusions.add(parts);
                    default -> {}
                }
            }
        }
    }

    @Test
    void rootsMatchThePublishedVectorsForEverySize() {
        assertThat(referenceRoots).hasSize(9);
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(referenceLeaves.subList(0, size))))
                    .as("size %d", size)
                    .isEqualTo(referenceRoots.get(size));
        }
    }

    @Test
    void aFrontierGrownLeafByLeafHasTheRootOfTheWholeTreeAtEverySize() {
        var frontier = new MerkleTree.Frontier();
        List<byte[]> leaves = new ArrayList<>();
        assertThat(frontier.root()).isEqualTo(MerkleTree.root(leaves));
        for (int size = 1; size <= 300; size++) {
            byte[] leaf = leafHash(new byte[] {(byte) size, (byte) (size >> 8)});
            leaves.add(leaf);
            frontier.add(leaf);
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(HEX.formatHex(frontier.root()))
                    .as("size %d", size)
                    .isEqualTo(HEX.formatHex(MerkleTree.root(leaves)));
        }
        var published = new MerkleTree.Frontier();
        referenceLeaves.forEach(published::add);
        assertThat(HEX.formatHex(published.root())).isEqualTo(referenceRoots.get(8));
    }

    @Test
    void inclusionProofsMatchThePublishedVectors() {
        assertThat(referenceInclusions).hasSize(2);
        for (String[] vector : referenceInclusions) {
            int index = Integer.parseInt(vector[1]);
            int size = Integer.parseInt(vector[2]);
            List<String> expected = Arrays.asList(vector).subList(3, vector.length);
            List<byte[]> tree = referenceLeaves.subList(0, size);

            assertThat(MerkleTree.inclusionProof(tree, index))
                    .extracting(HEX::formatHex)
                    .isEqualTo(expected);
            assertThat(MerkleTree.verifyInclusion(
                            tree.get(index),
                            index,
                            size,
                            MerkleTree.inclusionProof(tree, index),
                            MerkleTree.root(tree)))
                    .isTrue();
        }
    }

    @Test
    void everyInclusionProofVerifiesInEveryTreeShapeAndNoWrongOneDoes() {
        List<byte[]> leaves = leaves(37);
        for (int size = 1; size <= leaves.size(); size++) {
            List<byte[]> tree = leaves.subList(0, size);
            byte[] root = MerkleTree.root(tree);
            for (int i = 0; i < size; i++) {
                List<byte[]> proof = MerkleTree.inclusionProof(tree, i);
                assertThat(MerkleTree.verifyInclusion(tree.get(i), i, size, proof, root))
                        .isTrue();
                int other = (i + 1) % size;
                if (other != i) {
                    assertThat(MerkleTree.verifyInclusion(tree.get(other), i, size, proof, root))
                            .isFalse();
                }
                if (size < leaves.size()) {
                    byte[] grownRoot = MerkleTree.root(leaves.subList(0, size + 1));
                    assertThat(MerkleTree.verifyInclusion(tree.get(i), i, size + 1, proof, grownRoot))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void consistencyProofsVerifyBetweenEveryPairOfSizesAndRejectRewrittenHistory() {
        List<byte[]> leaves = leaves(29);
        for (int newSize = 1; newSize <= leaves.size(); newSize++) {
            List<byte[]> tree = leaves.subList(0, newSize);
            byte[] newRoot = MerkleTree.root(tree);
            for (int oldSize = 1; oldSize <= newSize; oldSize++) {
                byte[] oldRoot = MerkleTree.root(tree.subList(0, oldSize));
                List<byte[]> proof = MerkleTree.consistencyProof(tree, oldSize);
                assertThat(MerkleTree.verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof))
                        .as("%d -> %d", oldSize, newSize)
                        .isTrue();

                List<byte[]> rewritten = new ArrayList<>(tree);
                rewritten.set(0, leafHash(new byte[] {9, 9, 9}));
                byte[] rewrittenRoot = MerkleTree.root(rewritten);
                if (oldSize < newSize) {
                    assertThat(MerkleTree.verifyConsistency(
                                    oldSize,
                                    newSize,
                                    oldRoot,
                                    rewrittenRoot,
                                    MerkleTree.consistencyProof(rewritten, oldSize)))
                            .as("rewritten %d -> %d", oldSize, newSize)
                            .isFalse();
                }
            }
        }
    }

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(leafHash(new byte[] {(byte) i, (byte) (i * 7)}));
        }
        return leaves;
    }

    private static byte[] leafHash(byte[] entry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((byte) 0);
            return sha.digest(entry);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
