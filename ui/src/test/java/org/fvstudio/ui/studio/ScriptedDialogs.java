package org.fvstudio.ui.studio;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Answers the view-model's questions from a script and records what it was asked and told. */
public final class ScriptedDialogs implements StudioDialogs {

    public final Deque<UnsavedChoice> unsavedAnswers = new ArrayDeque<>();
    public final Deque<Optional<Path>> saveLocations = new ArrayDeque<>();
    public final Deque<Optional<Path>> projectsToOpen = new ArrayDeque<>();
    public boolean recoverAutosave;
    public final List<String> unsavedQuestions = new ArrayList<>();
    public final List<String> problems = new ArrayList<>();
    public final List<Path> recoveryOffers = new ArrayList<>();
    public final List<String> referenceFixQuestions = new ArrayList<>();
    public final List<Set<ReferenceFix>> referenceFixOffers = new ArrayList<>();
    public ReferenceFix referenceFixAnswer = ReferenceFix.CANCEL;

    @Override
    public Optional<Path> chooseProjectToOpen() {
        return projectsToOpen.isEmpty() ? Optional.empty() : projectsToOpen.pop();
    }

    @Override
    public Optional<Path> chooseSaveLocation(String suggestedName) {
        return saveLocations.isEmpty() ? Optional.empty() : saveLocations.pop();
    }

    @Override
    public List<Path> chooseReferenceImages() {
        return List.of();
    }

    @Override
    public List<Path> choosePoseFiles() {
        return List.of();
    }

    @Override
    public Optional<Path> choosePoseFolder() {
        return Optional.empty();
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String projectName) {
        unsavedQuestions.add(projectName);
        return unsavedAnswers.isEmpty() ? UnsavedChoice.CANCEL : unsavedAnswers.pop();
    }

    @Override
    public boolean askRecoverAutosave(Path project, Instant autosaved) {
        recoveryOffers.add(project);
        return recoverAutosave;
    }

    @Override
    public void showProblem(String title, String message) {
        problems.add(title + ": " + message);
    }

    @Override
    public ReferenceFix askReferenceFix(String message, Set<ReferenceFix> offered) {
        referenceFixQuestions.add(message);
        referenceFixOffers.add(offered);
        return referenceFixAnswer;
    }
}
