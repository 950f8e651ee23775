package io.warnews.command.losses;

import io.warnews.events.Basis;
import io.warnews.events.LossFigure;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;

import java.util.List;

/** One report as submitted: the content a retry must repeat exactly. */
record LossReport(String reportId, WorldDate asOf, Basis basis, List<LossFigure> figures, Source source) {
}
