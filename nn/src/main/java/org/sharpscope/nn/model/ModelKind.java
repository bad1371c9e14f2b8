package org.sharpscope.nn.model;

import org.sharpscope.UserInputException;

/** The network families Sharpscope builds. */
public enum ModelKind {
    FCN, MYRTLE, RESNET, UV;

    public String key() {
        return name().toLowerCase();
    }

    public static ModelKind parse(String text) {
        for (ModelKind k : values()) if (k.key().equalsIgnoreCase(text.trim())) return k;
        throw new UserInputException("unknown model '" + text + "': use fcn, myrtle, resnet or uv");
    }
}
