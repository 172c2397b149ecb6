# Installation: headers, libzeren.so (the C ABI) and libzeren.a (the C++ API), the zeren
# program, a CMake package (find_package(zeren) -> zeren::zeren, zeren::static) and a
# relocatable zeren.pc for the C library.
include(CMakePackageConfigHelpers)

install(TARGETS zeren_shared zeren_static EXPORT zerenTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS zeren_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES capi/zeren.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/zeren)
install(DIRECTORY include/zeren DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")

set(ZEREN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/zeren)
install(EXPORT zerenTargets NAMESPACE zeren:: DESTINATION ${ZEREN_CMAKE_DIR})
configure_package_config_file(cmake/zerenConfig.cmake.in
  ${PROJECT_BINARY_DIR}/zerenConfig.cmake INSTALL_DESTINATION ${ZEREN_CMAKE_DIR})
# Within a major version the C ABI only grows (VERSIONING.md).
write_basic_package_version_file(${PROJECT_BINARY_DIR}/zerenConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/zerenConfig.cmake ${PROJECT_BINARY_DIR}/zerenConfigVersion.cmake
  DESTINATION ${ZEREN_CMAKE_DIR})

# pkg-config finds the prefix from the .pc file's own place, so the tree can move.
file(RELATIVE_PATH ZEREN_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file(cmake/zeren.pc.in ${PROJECT_BINARY_DIR}/zeren.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/zeren.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The Python package, beside the library it loads (bindings/python/README.md: lookup order).
# lib/python3/dist-packages: on sys.path for prefix /usr on Debian; PYTHONPATH elsewhere.
install(DIRECTORY bindings/python/zeren DESTINATION lib/python3/dist-packages
  PATTERN "__pycache__" EXCLUDE)
