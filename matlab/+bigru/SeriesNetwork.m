classdef SeriesNetwork < bigru.internal.Network
%SERIESNETWORK  A network of trainNetwork's idiom: its layers end with classificationLayer or regressionLayer;
%   classify and predict use it. trainNetwork returns one, and bigru.loadNetwork one of a file saved so (or
%   written by the bigru command line or PyTorch).
%   Properties: Layers, InputNames, OutputNames. The Java network, the classes and the metadata are hidden
%   properties (Java, ClassNames, Metadata).
%   save and load keep it in a MAT-file in MATLAB (saveobj/loadobj); in Octave use bigru.saveNetwork and
%   bigru.loadNetwork.
  methods
    function net = SeriesNetwork(jnet)
      if nargin == 0
        jnet = [];
      end
      net@bigru.internal.Network(jnet);
    end
  end
end
