function net = network(jnet)
%NETWORK  The MATLAB object of a network from the Java side (internal): a bigru.dlnetwork for trainnet's idiom (no
%   output layer), else a bigru.SeriesNetwork.
if jnet.isDlnetwork()
  net = bigru.dlnetwork(jnet);
else
  net = bigru.SeriesNetwork(jnet);
end
end
