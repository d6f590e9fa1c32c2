/**
 * Guards against hostile and huge input: {@link org.fvstudio.input.InputLimits} holds every size FV Studio agrees to
 * read and the checks done before anything is decoded or parsed, {@link org.fvstudio.input.BoundedImageReader}
 * checks an image's declared size in its header and decodes large photos downscaled, and
 * {@link org.fvstudio.input.JsonProblem} says what is wrong with a JSON file in FV Studio's own words.
 * The limits and the reasons for them are in docs/RELIABILITY.md.
 */
package org.fvstudio.input;
