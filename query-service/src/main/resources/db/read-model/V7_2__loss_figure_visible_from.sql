-- The first world date on which each figure is shown (its report's visible_from) on every figure
-- row, so that "each claimant's newest figure of a category", now or as known at an instant, is a
-- walk down one index per ledger and category that stops at the first standing figure, instead of
-- sorting every figure of the conflict. The claimants' ledgers of a conflict are found by skipping
-- through loss_report_claimants, one lookup per ledger.
ALTER TABLE loss_figure ADD COLUMN visible_from DATE;
UPDATE loss_figure f SET visible_from = r.visible_from
FROM loss_report r
WHERE r.ledger_id = f.ledger_id AND r.report_id = f.report_id AND r.revision = f.revision;
ALTER TABLE loss_figure ALTER COLUMN visible_from SET NOT NULL;
CREATE INDEX loss_figure_newest ON loss_figure (ledger_id, category, visible_from DESC, as_of_end DESC);
CREATE INDEX loss_report_claimants ON loss_report (conflict_id, side, claimant, ledger_id);
