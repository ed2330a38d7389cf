-- The dashboard reads the last twelve weeks of tips; with a million stored, it needs to find them without reading
-- every row (measured in docs/benchmarks.md).
CREATE INDEX tip_received_at ON tip (received_at);
