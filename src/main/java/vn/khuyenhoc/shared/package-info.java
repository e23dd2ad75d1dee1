/** The one open module: paging, Vietnamese text, the signed-in user and its scope, spreadsheet reading. */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package vn.khuyenhoc.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
