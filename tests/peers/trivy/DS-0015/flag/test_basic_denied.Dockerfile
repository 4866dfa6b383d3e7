FROM alpine:3.5
RUN yum install vim
RUN pip install --no-cache-dir -r /usr/src/app/requirements.txt
CMD ["python", "/usr/src/app/app.py"]

FROM alpine:3.4
RUN yum -y install vim && yum clean all
