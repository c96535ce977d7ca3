#!/bin/bash -e
# Nimbus Lab, chapter 4 (§4.2.4): start a machine from the command line, then remove it again.
# Written for the lab; the steps follow the book's walkthrough.
IMAGE=$(aws ec2 describe-images --filters "Name=name,Values=amzn-ami-hvm-2017.09.1.*-x86_64-gp2" \
  --query "Images[0].ImageId" --output text)
VPC=$(aws ec2 describe-vpcs --filters "Name=is-default,Values=true" --query "Vpcs[0].VpcId" --output text)
SUBNET=$(aws ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC" --query "Subnets[0].SubnetId" --output text)
GROUP=$(aws ec2 create-security-group --group-name script-ssh --description "SSH for the chapter 4 script" \
  --vpc-id "$VPC" --output text)
aws ec2 authorize-security-group-ingress --group-id "$GROUP" --protocol tcp --port 22 --cidr 0.0.0.0/0
INSTANCE=$(aws ec2 run-instances --image-id "$IMAGE" --key-name mykey --instance-type t2.micro \
  --security-group-ids "$GROUP" --subnet-id "$SUBNET" --query "Instances[0].InstanceId" --output text)
echo "waiting for $INSTANCE ..."
aws ec2 wait instance-running --instance-ids "$INSTANCE"
HOST=$(aws ec2 describe-instances --instance-ids "$INSTANCE" \
  --query "Reservations[0].Instances[0].PublicDnsName" --output text)
echo "$INSTANCE is up: ssh -i ~/mykey.pem ec2-user@$HOST"
read -r -p "Press [Enter] to remove the machine ..."
aws ec2 terminate-instances --instance-ids "$INSTANCE" > /dev/null
echo "terminating $INSTANCE ..."
aws ec2 wait instance-terminated --instance-ids "$INSTANCE"
aws ec2 delete-security-group --group-id "$GROUP"
echo "done."
