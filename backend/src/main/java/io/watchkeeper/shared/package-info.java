/**
 * Shared kernel: value objects, domain exceptions and the web error mapping every module uses.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.watchkeeper.shared;
