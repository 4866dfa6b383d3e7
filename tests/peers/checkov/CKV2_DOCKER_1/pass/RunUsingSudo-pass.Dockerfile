FROM busybox

RUN apt-get install sudoku
