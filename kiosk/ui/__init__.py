"""The touch kiosk: Qt Quick screens (resources/qml/Kiosk) over thin Python models. The only package that imports Qt."""
