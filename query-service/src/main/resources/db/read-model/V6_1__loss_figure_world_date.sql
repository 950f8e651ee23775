-- The world date's last day on every figure row, so that "the nearest figure of a category before
-- or after a date" in a ledger is one index lookup (the anomaly check runs it for every change),
-- however sparse the category: before, the check walked the ledger's reports until one had a figure
-- of the category.
ALTER TABLE loss_figure ADD COLUMN as_of_end DATE;
UPDATE loss_figure f SET as_of_end = r.as_of_end
FROM loss_report r
WHERE r.ledger_id = f.ledger_id AND r.report_id = f.report_id AND r.revision = f.revision;
ALTER TABLE loss_figure ALTER COLUMN as_of_end SET NOT NULL;
CREATE INDEX loss_figure_ledger_category ON loss_figure (ledger_id, category, as_of_end);
