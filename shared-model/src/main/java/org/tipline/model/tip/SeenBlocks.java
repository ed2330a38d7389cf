package org.tipline.model.tip;

import java.util.ArrayList;
import java.util.List;

/**
 * The person and vehicle blocks of a form that files a tip, as posted: blank blocks stay (so the page shows as many as
 * were opened), a missing index reads as blank, and there are at most {@link #MAX_PERSONS} and {@link #MAX_VEHICLES}.
 * Blocks are added one at a time by a plain submit button, so the form needs no JavaScript. {@link TipAnswers} drops
 * the blank ones when the tip is sealed.
 */
public record SeenBlocks(List<PersonSeen> persons, List<VehicleSeen> vehicles) {

    public static final int MAX_PERSONS = 6;
    public static final int MAX_VEHICLES = 4;
    private static final PersonSeen NO_PERSON = new PersonSeen("", "", "", "", "", "", "", "", "");
    private static final VehicleSeen NO_VEHICLE = new VehicleSeen("", "", "", "", "", "");

    public SeenBlocks {
        persons = persons == null
                ? List.of()
                : persons.stream()
                        .map(p -> p == null ? NO_PERSON : p)
                        .limit(MAX_PERSONS)
                        .toList();
        vehicles = vehicles == null
                ? List.of()
                : vehicles.stream()
                        .map(v -> v == null ? NO_VEHICLE : v)
                        .limit(MAX_VEHICLES)
                        .toList();
    }

    /** The person blocks to show: those posted, or one blank block to start with. */
    public List<PersonSeen> personBlocks() {
        return persons.isEmpty() ? List.of(NO_PERSON) : persons;
    }

    public List<VehicleSeen> vehicleBlocks() {
        return vehicles.isEmpty() ? List.of(NO_VEHICLE) : vehicles;
    }

    public boolean canAddPerson() {
        return personBlocks().size() < MAX_PERSONS;
    }

    public boolean canAddVehicle() {
        return vehicleBlocks().size() < MAX_VEHICLES;
    }

    /** The same blocks with one more blank person block, as shown; no more than {@link #MAX_PERSONS}. */
    public SeenBlocks withAnotherPerson() {
        List<PersonSeen> more = new ArrayList<>(personBlocks());
        more.add(NO_PERSON);
        return new SeenBlocks(more, vehicles);
    }

    public SeenBlocks withAnotherVehicle() {
        List<VehicleSeen> more = new ArrayList<>(vehicleBlocks());
        more.add(NO_VEHICLE);
        return new SeenBlocks(persons, more);
    }

    /** The person roles a block offers, in the order a form shows them. */
    public List<String> personRoles() {
        return PersonSeen.ROLES;
    }
}
