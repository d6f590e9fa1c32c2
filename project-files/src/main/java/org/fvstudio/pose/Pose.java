package org.fvstudio.pose;

import java.util.List;

/** Everyone in one picture: a canvas size in pixels and the people on it. */
public record Pose(int canvasWidth, int canvasHeight, List<PersonPose> people) {

    public Pose {
        if (canvasWidth <= 0 || canvasHeight <= 0) {
            throw new IllegalArgumentException("canvas must be positive, got " + canvasWidth + "x" + canvasHeight);
        }
        people = List.copyOf(people);
    }

    public static Pose empty(int canvasWidth, int canvasHeight) {
        return new Pose(canvasWidth, canvasHeight, List.of());
    }

    public boolean isEmpty() {
        return people.isEmpty();
    }

    public Pose withPeople(List<PersonPose> newPeople) {
        return new Pose(canvasWidth, canvasHeight, newPeople);
    }

    public Pose withPerson(int index, PersonPose person) {
        java.util.ArrayList<PersonPose> copy = new java.util.ArrayList<>(people);
        copy.set(index, person);
        return withPeople(copy);
    }
}
