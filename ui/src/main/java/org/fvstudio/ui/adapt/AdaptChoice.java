package org.fvstudio.ui.adapt;

import org.fvstudio.inference.adapt.AdaptationBudget;

/** What the artist chose in the Adapt dialog: the base pack id, the budget, whether to use the driving video. */
public record AdaptChoice(String basePackId, AdaptationBudget budget, boolean useDrivingVideo) {
}
