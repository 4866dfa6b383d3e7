FROM fedora:27
