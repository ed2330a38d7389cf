package org.tipline.model.tip;

import java.util.List;

/** One vehicle as the tipster saw it; every field is optional and typed as seen. */
public record VehicleSeen(String make, String model, String color, String plate, String plateState, String features) {

    public static final int MAX_FIELD_LENGTH = 300;

    public VehicleSeen {
        make = trim(make);
        model = trim(model);
        color = trim(color);
        plate = trim(plate);
        plateState = trim(plateState);
        features = trim(features);
    }

    public boolean isEmpty() {
        return (make + model + color + plate + plateState + features).isEmpty();
    }

    public List<String> typed() {
        return List.of(make, model, color, plate, plateState, features);
    }

    /** A field by its name, for pages that list the fields in a loop. */
    public String field(String name) {
        return switch (name) {
            case "make" -> make;
            case "model" -> model;
            case "color" -> color;
            case "plate" -> plate;
            case "plateState" -> plateState;
            case "features" -> features;
            default -> throw new IllegalArgumentException("no field " + name);
        };
    }

    private static String trim(String value) {
        return TipText.clean(value);
    }
}
