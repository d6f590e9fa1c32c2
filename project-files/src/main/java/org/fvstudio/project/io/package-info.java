/**
 * The project bundle {@code NAME.fvs/}: {@code project.json} (format "fvstudio-project", version 1,
 * read with migration from version 0), {@code references/}, {@code cache/}, atomic saves with a
 * {@code .bak}, and autosave to {@code project.autosave.json}.
 */
package org.fvstudio.project.io;
