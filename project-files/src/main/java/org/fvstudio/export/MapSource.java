package org.fvstudio.export;

/** The correlation map of one reference at each frame of a sequence. */
@FunctionalInterface
public interface MapSource {

    FloatMap map(int frame) throws ExportException;
}
